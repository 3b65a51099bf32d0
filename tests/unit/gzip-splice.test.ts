/**
 * Pages assembled from pieces compressed once must be ordinary gzip that any reader decodes to
 * exactly the page with the learner's values in it: checked with node's gunzip and the system's
 * `gzip -t`/`gzip -dc` (a reader the project does not write).
 */
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	fillSplicedPage,
	gzipSplicedPage,
	prepareSplicedPage,
} from '../../src/lib/server/http/gzip-splice.ts';

const RENDERED_USER = 'q2w3e4r5t6y7u8i9o2p3a4s5';
const RENDERED_CERT = 'cert-7h8j9k2m3n4p5q6r';
const page = (user: string, cert: string) =>
	`<!DOCTYPE html><html lang="bn"><body><p>শুভ সকাল — ${'পাঠ '.repeat(3000)}</p>` +
	`<completion-form data-user="${user}"><a href="/verify/${cert}">সনদ</a></completion-form>` +
	`<script>const k = "dakshata:pending-progress:${user}";</script>${user}</body></html>`;

describe('gzip assembled from precompressed pieces', () => {
	const template = prepareSplicedPage(page(RENDERED_USER, RENDERED_CERT), [
		RENDERED_USER,
		RENDERED_CERT,
	]);

	it('decodes to the page with another learner’s values, every occurrence replaced', () => {
		const expected = page('a'.repeat(24), 'cert-other');
		const gz = gzipSplicedPage(template, ['a'.repeat(24), 'cert-other']);
		expect(gunzipSync(gz).toString('utf8')).toBe(expected);
		expect(fillSplicedPage(template, ['a'.repeat(24), 'cert-other']).toString('utf8')).toBe(
			expected,
		);
		// The system's gzip checks the CRC and length in the trailer.
		expect(() => execFileSync('gzip', ['-t'], { input: gz })).not.toThrow();
		expect(execFileSync('gzip', ['-dc'], { input: gz }).toString('utf8')).toBe(expected);
	});

	it('takes an empty value (no certificate) and values of another length or script', () => {
		for (const values of [
			['u'.repeat(24), ''],
			['ব্যবহারকারী', 'x'],
		]) {
			const expected = page(values[0]!, values[1]!);
			expect(gunzipSync(gzipSplicedPage(template, values)).toString('utf8')).toBe(expected);
		}
	});

	it('is about as small as compressing the whole page', () => {
		const gz = gzipSplicedPage(template, ['a'.repeat(24), 'cert-other']);
		const whole = page('a'.repeat(24), 'cert-other');
		expect(gz.length).toBeLessThan(Buffer.byteLength(whole) / 5);
	});

	it('leaves a page without the values as one piece', () => {
		const plain = prepareSplicedPage('<p>nothing personal</p>', ['abc', '']);
		expect(plain.slots).toEqual([]);
		expect(gunzipSync(gzipSplicedPage(plain, ['xyz', ''])).toString()).toBe(
			'<p>nothing personal</p>',
		);
	});
});
