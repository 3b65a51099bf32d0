/**
 * Random identifiers and secrets, as in the Lucia guide: 24 characters from a 32-letter alphabet
 * without look-alikes = 120 bits from the platform CSPRNG.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A 120-bit random string of 24 characters (`[a-z2-9]` minus look-alikes). */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	let id = '';
	for (const byte of bytes) id += ALPHABET[byte >> 3];
	return id;
}

/** A 160-bit random id in lowercase base32 (32 characters), for public ids such as certificates. */
export function generatePublicId(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
