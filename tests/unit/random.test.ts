import { describe, expect, it } from 'vitest';
import { generatePublicId, generateSecureRandomString } from '../../src/lib/server/random.ts';

describe('random ids (drawn from a pool of CSPRNG bytes)', () => {
	it('gives 20,000 distinct 24-character ids over many refills of the pool, every letter used about equally', () => {
		const ids = Array.from({ length: 20_000 }, generateSecureRandomString);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-km-z2-9]{24}$/);
		// 480,000 letters from a 32-letter alphabet: each about 15,000 times (±5 %).
		const counts = new Map<string, number>();
		for (const id of ids) for (const c of id) counts.set(c, (counts.get(c) ?? 0) + 1);
		expect(counts.size).toBe(32);
		for (const n of counts.values()) expect(Math.abs(n - 15_000)).toBeLessThan(750);
	});

	it('gives distinct 32-character base32 public ids, interleaved with the others', () => {
		const ids = Array.from({ length: 5_000 }, (_, i) =>
			i % 2
				? generatePublicId()
				: `${generatePublicId()}${generateSecureRandomString()}`.slice(0, 32),
		);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z2-7]{32}$/);
	});
});
