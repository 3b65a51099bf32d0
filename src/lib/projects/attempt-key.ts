/**
 * Attempt keys: the signed mark inside every start file that ties it to one learner's attempt.
 *
 * Shape: `DK1-<attempt id>-<mac>`, where mac is the first 24 hex digits (96 bits) of
 * HMAC-SHA256(secret, "project-attempt:" + attempt id). The secret never leaves the server; a key
 * verifies offline, without the database. The key is written twice into a start file: as the custom
 * document property `DakshataAttemptKey`, and as visible text (a cell on the "About" sheet, a footer
 * line), because Google Sheets and Docs drop custom properties when they export to Office formats.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the custom document property that carries the key. */
export const ATTEMPT_KEY_PROPERTY = 'DakshataAttemptKey';

/** Matches a key anywhere in text. */
export const ATTEMPT_KEY_PATTERN = /DK1-([a-z0-9]{16,40})-([0-9a-f]{24})/;

function mac(secret: Uint8Array, attemptId: string): string {
	return createHmac('sha256', secret)
		.update(`project-attempt:${attemptId}`)
		.digest('hex')
		.slice(0, 24);
}

/** The key for an attempt. */
export function createAttemptKey(secret: Uint8Array, attemptId: string): string {
	return `DK1-${attemptId}-${mac(secret, attemptId)}`;
}

/** The attempt id a key signs, or null when the key is malformed or its signature is wrong. */
export function verifyAttemptKey(secret: Uint8Array, key: string): string | null {
	const m = ATTEMPT_KEY_PATTERN.exec(key);
	if (!m || m[0] !== key.trim()) return null;
	const expected = Buffer.from(mac(secret, m[1]!));
	const given = Buffer.from(m[2]!);
	return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
}
