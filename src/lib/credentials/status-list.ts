/**
 * W3C Bitstring Status List (revocation), pure functions.
 *
 * Each certificate has a global `statusIndex` (0, 1, 2, …). Lists hold LIST_SIZE entries each
 * (16 KiB, the minimum the spec recommends for herd privacy): index i lives in list
 * `floor(i / LIST_SIZE) + 1` at position `i % LIST_SIZE`. Bit 0 is the most significant bit of
 * the first byte; a set bit means revoked. The list is published GZIP-compressed and
 * multibase-encoded (`u` + base64url without padding).
 * @see https://www.w3.org/TR/vc-bitstring-status-list/
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** Entries per status list: 131,072 bits = 16 KiB. */
export const LIST_SIZE = 131_072;

/** Which list and position hold a global status index. */
export function getStatusListPosition(statusIndex: number): { list: number; position: number } {
	return { list: Math.floor(statusIndex / LIST_SIZE) + 1, position: statusIndex % LIST_SIZE };
}

/** Encodes the positions that are set into a list's `encodedList`. */
export function encodeStatusList(setPositions: Iterable<number>): string {
	const bits = new Uint8Array(LIST_SIZE / 8);
	for (const p of setPositions) {
		if (!Number.isInteger(p) || p < 0 || p >= LIST_SIZE)
			throw new RangeError(`status position ${p} is outside the list`);
		bits[p >> 3]! |= 0x80 >> (p & 7);
	}
	return `u${gzipSync(bits).toString('base64url')}`;
}

/** Reads one bit of an `encodedList` (for verifiers and tests). */
export function isStatusSet(encodedList: string, position: number): boolean {
	if (!encodedList.startsWith('u'))
		throw new Error('encodedList must be multibase base64url (prefix u)');
	const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
	return ((bits[position >> 3] ?? 0) & (0x80 >> (position & 7))) !== 0;
}
