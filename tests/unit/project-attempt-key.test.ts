import { describe, expect, it } from 'vitest';
import { createAttemptKey, verifyAttemptKey } from '../../src/lib/projects/attempt-key.ts';
import { mergeProjectTranslation, ProjectSchema } from '../../src/lib/projects/schema.ts';

const secret = new Uint8Array(32).fill(9);
const other = new Uint8Array(32).fill(8);

describe('verifyAttemptKey', () => {
	it('returns the attempt id of a key made with the same secret', () => {
		expect(verifyAttemptKey(secret, createAttemptKey(secret, 'abcdefghij0123456789wxyz'))).toBe(
			'abcdefghij0123456789wxyz',
		);
	});

	it('refuses a key with a changed signature, a changed attempt id, or another secret', () => {
		const key = createAttemptKey(secret, 'abcdefghij0123456789wxyz');
		const flipped = key.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
		expect(verifyAttemptKey(secret, flipped)).toBeNull();
		expect(verifyAttemptKey(secret, key.replace('abcdefghij', 'bbcdefghij'))).toBeNull();
		expect(verifyAttemptKey(other, key)).toBeNull();
	});

	it('refuses text that only contains a key', () => {
		expect(
			verifyAttemptKey(secret, `x${createAttemptKey(secret, 'abcdefghij0123456789wxyz')}`),
		).toBeNull();
		expect(verifyAttemptKey(secret, 'DK1-short-0')).toBeNull();
	});
});

describe('mergeProjectTranslation', () => {
	it('takes words from the translation and checks, points and settings from English', () => {
		const en = ProjectSchema.parse({
			title: 'T',
			summary: 'S',
			scenario: 'Sc',
			app: 'excel',
			builder: 'order-report',
			steps: [
				{
					id: 'a',
					title: 'A',
					text: 'Do A',
					points: 5,
					hint: 'H',
					checks: [{ check: 'xlsx.value', cell: 'A1', expected: 1 }],
				},
			],
		});
		const merged = mergeProjectTranslation(en, { title: 'টি', steps: [{ id: 'a', title: 'ক' }] });
		expect(merged.title).toBe('টি');
		expect(merged.steps[0]).toMatchObject({
			title: 'ক',
			text: 'Do A',
			points: 5,
			hint: 'H',
			checks: en.steps[0]!.checks,
		});
		expect(merged.passMark).toBe(80);
	});

	it('refuses a step check of another application', () => {
		const result = ProjectSchema.safeParse({
			title: 'T',
			summary: 'S',
			scenario: 'Sc',
			app: 'word',
			builder: 'b',
			steps: [{ id: 'a', title: 'A', text: 'x', checks: [{ check: 'xlsx.value' }] }],
		});
		expect(result.success).toBe(false);
	});
});
