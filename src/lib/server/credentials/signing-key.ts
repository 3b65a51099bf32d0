/**
 * The platform's Ed25519 signing key, which signs every certificate credential and status list.
 *
 * Where it comes from, in order:
 * 1. `SIGNING_KEY` (PKCS#8 PEM, or base64 of the PEM): the way to run several servers with one
 *    key, or to keep the key in a secret store.
 * 2. `DATA_DIR/keys/signing-key.pem`, created on first use: folder mode 0700, file mode 0600,
 *    written to a temporary file and linked into place, so two processes starting at once end up
 *    with the same key (the loser of the race reads the winner's file).
 * The key never enters the repository (DATA_DIR is git-ignored) and is never logged.
 *
 * Rotation (`npm run key:rotate`, then restart): the new key signs from then on; the public halves of
 * earlier keys stay in DATA_DIR/keys/retired and the did:web document keeps publishing them, so
 * credentials signed before the rotation still verify (see src/lib/credentials/signing-key-files.ts).
 */
import { DATA_DIR, SIGNING_KEY } from 'astro:env/server';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
	chmodSync,
	linkSync,
	mkdirSync,
	readFileSync,
	statSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { PublishedKey } from '../../credentials/model.ts';
import { describePublicKey, readRetiredKeys } from '../../credentials/signing-key-files.ts';
import { parseSigningKeyValue } from '../../credentials/signing-key-value.ts';
import { log } from '../log.ts';

export interface SigningKey extends PublishedKey {
	privateKey: KeyObject;
}

let cached: SigningKey | undefined;

/** The signing key, loaded (or created) on first call. Throws when SIGNING_KEY is unusable. */
export function getSigningKey(): SigningKey {
	cached ??= describeKey(
		SIGNING_KEY ? parseEnvKey(SIGNING_KEY) : loadOrCreateKeyFile(resolve(DATA_DIR, 'keys')),
	);
	return cached;
}

let published: PublishedKey[] | undefined;

/** The keys the DID document publishes: the current one first, then every retired one. */
export function getPublishedKeys(): PublishedKey[] {
	if (!published) {
		const current = getSigningKey();
		const retired = readRetiredKeys(resolve(DATA_DIR, 'keys')).filter(
			(k) => k.thumbprint !== current.thumbprint,
		);
		published = [current, ...retired];
	}
	return published;
}

function parseEnvKey(value: string): KeyObject {
	try {
		return parseSigningKeyValue(value);
	} catch (error) {
		throw new Error(`SIGNING_KEY ${(error as Error).message}.`);
	}
}

function loadOrCreateKeyFile(dir: string): KeyObject {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	chmodSync(dir, 0o700);
	const file = join(dir, 'signing-key.pem');
	try {
		return readKeyFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const { privateKey } = generateKeyPairSync('ed25519');
	const temp = join(dir, `.signing-key-${process.pid}-${Date.now()}.pem`);
	writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
		mode: 0o600,
		flag: 'wx',
	});
	try {
		linkSync(temp, file);
		log.info({ file }, 'created the certificate signing key');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	} finally {
		unlinkSync(temp);
	}
	return readKeyFile(file);
}

function readKeyFile(file: string): KeyObject {
	const pem = readFileSync(file, 'utf8');
	if ((statSync(file).mode & 0o077) !== 0) {
		chmodSync(file, 0o600);
		log.warn({ file }, 'the signing key file was readable by others; its permissions are now 0600');
	}
	const key = createPrivateKey(pem);
	if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key.`);
	return key;
}

function describeKey(privateKey: KeyObject): SigningKey {
	return { privateKey, ...describePublicKey(privateKey) };
}
