/**
 * Reading the SIGNING_KEY setting: an Ed25519 private key as PKCS#8 PEM (literal `\n` allowed, for
 * one-line environment files) or base64 of that PEM. Free of Astro imports, so the start-up check
 * (src/lib/env-vars.ts) and the signing module share it.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';

/** Parses the setting; throws an Error whose message says what is wrong (never the key itself). */
export function parseSigningKeyValue(value: string): KeyObject {
	const pem = value.includes('BEGIN')
		? value.replace(/\\n/g, '\n')
		: Buffer.from(value, 'base64').toString('utf8');
	let key: KeyObject;
	try {
		key = createPrivateKey(pem);
	} catch {
		throw new Error('is not a PKCS#8 PEM private key (or base64 of one)');
	}
	if (key.asymmetricKeyType !== 'ed25519')
		throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType}`);
	return key;
}

/** Describes why a SIGNING_KEY value is unusable, or null. */
export function getSigningKeyProblem(value: string): string | null {
	try {
		parseSigningKeyValue(value);
		return null;
	} catch (error) {
		return (error as Error).message;
	}
}
