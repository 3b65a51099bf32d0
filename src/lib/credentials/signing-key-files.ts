/**
 * The signing key's files and their rotation, free of Astro imports so `npm run key:rotate` and the
 * server share them.
 *
 * Layout of DATA_DIR/keys (folder 0700, files 0600):
 * - `signing-key.pem`: the current Ed25519 private key (PKCS#8), unless SIGNING_KEY is set;
 * - `retired/<thumbprint>.pub.pem`: the PUBLIC key of every earlier signing key (SPKI). The did:web
 *   document keeps publishing them, so credentials signed before a rotation still verify. Their
 *   private halves are deleted: a retired key can verify, never sign again.
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { encodeEd25519Multikey } from './multibase.ts';
import type { PublishedKey } from './model.ts';

const toPublic = (key: KeyObject) => (key.type === 'public' ? key : createPublicKey(key));

/** Describes a public key (or the public half of a private key) for the DID document. */
export function describePublicKey(key: KeyObject): PublishedKey {
	const jwk = toPublic(key).export({ format: 'jwk' }) as { x: string };
	const publicJwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: jwk.x };
	// RFC 7638: the required members in lexicographic order, no white space.
	const thumbprint = createHash('sha256')
		.update(JSON.stringify({ crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x }))
		.digest('base64url');
	const multikey = encodeEd25519Multikey(Buffer.from(jwk.x, 'base64url'));
	return { publicJwk, thumbprint, multikey };
}

/** The retired public keys in `keysDir/retired`, oldest file name order (none: empty). */
export function readRetiredKeys(keysDir: string): PublishedKey[] {
	const dir = join(keysDir, 'retired');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.pub.pem'))
		.sort()
		.map((name) => describePublicKey(createPublicKey(readFileSync(join(dir, name), 'utf8'))));
}

/** Writes a public key into `keysDir/retired` (idempotent); returns the file written. */
export function retirePublicKey(keysDir: string, key: KeyObject): string {
	const dir = join(keysDir, 'retired');
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const { thumbprint } = describePublicKey(key);
	const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
	const existing = readdirSync(dir).find((n) => n.endsWith(`-${thumbprint}.pub.pem`));
	if (existing) return join(dir, existing);
	const file = join(dir, `${stamp}-${thumbprint}.pub.pem`);
	const pem = toPublic(key).export({ type: 'spki', format: 'pem' });
	writeFileSync(file, pem, { mode: 0o600 });
	return file;
}

/**
 * Rotates the key file in `keysDir`: retires the current key's public half, then atomically
 * replaces `signing-key.pem` with a new key. Returns both thumbprints.
 */
export function rotateKeyFile(keysDir: string): { retired: string | null; current: string } {
	mkdirSync(keysDir, { recursive: true, mode: 0o700 });
	const file = join(keysDir, 'signing-key.pem');
	let retired: string | null = null;
	if (existsSync(file)) {
		const old = createPublicKey(readFileSync(file, 'utf8'));
		retirePublicKey(keysDir, old);
		retired = describePublicKey(old).thumbprint;
	}
	const { privateKey } = generateKeyPairSync('ed25519');
	const temp = join(keysDir, `.signing-key-rotate-${process.pid}.pem`);
	writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
	renameSync(temp, file);
	return { retired, current: describePublicKey(privateKey).thumbprint };
}
