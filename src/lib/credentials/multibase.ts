/**
 * Multibase/multikey encodings used by Data Integrity proofs and the DID document:
 * base58btc (`z` prefix) and an Ed25519 public key as a Multikey (`z6Mk…`: multicodec 0xed 0x01
 * followed by the 32 raw key bytes).
 * @see https://www.w3.org/TR/controller-document/#multikey
 */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Encodes bytes as base58btc (Bitcoin alphabet), without the multibase prefix. */
export function encodeBase58(bytes: Uint8Array): string {
	const digits: number[] = [];
	for (const byte of bytes) {
		let carry = byte;
		for (let i = 0; i < digits.length; i++) {
			carry += digits[i]! << 8;
			digits[i] = carry % 58;
			carry = Math.floor(carry / 58);
		}
		while (carry > 0) {
			digits.push(carry % 58);
			carry = Math.floor(carry / 58);
		}
	}
	let out = '';
	for (const byte of bytes) {
		if (byte !== 0) break;
		out += '1';
	}
	for (let i = digits.length - 1; i >= 0; i--) out += ALPHABET[digits[i]!];
	return out;
}

/** Decodes base58btc (without the multibase prefix); throws on a character outside the alphabet. */
export function decodeBase58(text: string): Uint8Array {
	const bytes: number[] = [];
	for (const ch of text) {
		let carry = ALPHABET.indexOf(ch);
		if (carry < 0) throw new Error(`invalid base58 character ${JSON.stringify(ch)}`);
		for (let i = 0; i < bytes.length; i++) {
			carry += bytes[i]! * 58;
			bytes[i] = carry & 0xff;
			carry >>= 8;
		}
		while (carry > 0) {
			bytes.push(carry & 0xff);
			carry >>= 8;
		}
	}
	for (const ch of text) {
		if (ch !== '1') break;
		bytes.push(0);
	}
	return Uint8Array.from(bytes.reverse());
}

/** An Ed25519 public key (32 raw bytes) as a Multikey `publicKeyMultibase` (`z6Mk…`). */
export function encodeEd25519Multikey(rawPublicKey: Uint8Array): string {
	if (rawPublicKey.length !== 32) throw new RangeError('an Ed25519 public key has 32 bytes');
	return `z${encodeBase58(Uint8Array.from([0xed, 0x01, ...rawPublicKey]))}`;
}
