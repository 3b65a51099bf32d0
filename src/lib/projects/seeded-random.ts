/**
 * Deterministic randomness for start files: the same seed always gives the same data, so the
 * server can rebuild an attempt's expected values from the seed stored with it.
 */
import { createHash } from 'node:crypto';

/** A generator of numbers in [0, 1) from a string seed (SHA-256 → mulberry32). */
export function createSeededRandom(seed: string): () => number {
	let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in [min, max]. */
export function randomInt(rand: () => number, min: number, max: number): number {
	return min + Math.floor(rand() * (max - min + 1));
}

/** One item of a list. */
export function randomItem<T>(rand: () => number, list: readonly T[]): T {
	return list[Math.floor(rand() * list.length)]!;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(rand: () => number, list: readonly T[]): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}
