/**
 * Random identifiers and secrets, as in the Lucia guide: 24 characters from a 32-letter alphabet
 * without look-alikes = 120 bits from the platform CSPRNG.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * Random bytes from the platform CSPRNG, drawn 4 KB at a time and each handed out once (as
 * `crypto.randomUUID` does): one `getRandomValues` call per small id cost more than the rest of
 * making it (a request that creates a reset link makes three; CPU profile of `npm run bench -- mail`).
 */
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function takeRandomBytes(n: number): Uint8Array {
	if (poolAt + n > pool.length) {
		crypto.getRandomValues(pool);
		poolAt = 0;
	}
	const bytes = pool.slice(poolAt, poolAt + n);
	pool.fill(0, poolAt, poolAt + n);
	poolAt += n;
	return bytes;
}

/** A 120-bit random string of 24 characters (`[a-z2-9]` minus look-alikes). */
export function generateSecureRandomString(): string {
	const bytes = takeRandomBytes(24);
	let id = '';
	for (const byte of bytes) id += ALPHABET[byte >> 3];
	return id;
}

/** A 160-bit random id in lowercase base32 (32 characters), for public ids such as certificates. */
export function generatePublicId(): string {
	return encodeBase32LowerCaseNoPadding(takeRandomBytes(20));
}
