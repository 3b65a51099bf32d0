/**
 * The secret behind attempt keys: derived from the platform's signing key (so every server that
 * shares the signing key verifies the same keys, and nothing new has to be configured or stored).
 */
import { createHash } from 'node:crypto';
import { getSigningKey } from '../credentials/signing-key.ts';

let cached: Uint8Array | undefined;

/** 32 bytes: SHA-256 over a purpose label and the signing key's PKCS#8 bytes. */
export function getAttemptKeySecret(): Uint8Array {
	cached ??= new Uint8Array(
		createHash('sha256')
			.update('dakshata/project-attempt-keys/v1\0')
			.update(getSigningKey().privateKey.export({ format: 'der', type: 'pkcs8' }))
			.digest(),
	);
	return cached;
}
