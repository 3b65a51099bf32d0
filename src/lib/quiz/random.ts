/**
 * A small seeded random number generator for quiz layouts: the same seed always draws and shuffles
 * the same way, so a layout can be rebuilt from its seed (anonymous practice) or stored once
 * (attempts). Not for secrets: seeds come from the platform CSPRNG where it matters.
 */

/** A 32-bit FNV-1a hash of a string, to turn a seed string into a number. */
export function hashSeed(seed: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A generator of floats in [0, 1) from a seed (mulberry32). */
export function createRandom(seed: string): () => number {
	let a = hashSeed(seed);
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(list: readonly T[], random: () => number): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** 0, 1, …, n-1. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
