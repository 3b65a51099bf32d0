/**
 * Shared helpers for the benchmarks: run autocannon against a URL, start the production build with
 * a throwaway database, and print tables. Benchmarks print figures; they assert nothing.
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export { getFreePort, startServer } from '../tests/helpers/server.ts';
export const root = join(import.meta.dirname, '..');

export interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
}

/** Runs autocannon and returns requests/s and latency percentiles (ms). */
export async function load(options: autocannon.Options): Promise<LoadResult> {
	const result = await autocannon({ connections: 50, duration: 10, ...options });
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors,
		non2xx: result.non2xx,
	};
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
	console.log(`\n${title}`);
	if (rows.length === 0) return;
	const keys = Object.keys(rows[0]!);
	const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ');
	console.log(line(keys));
	console.log(line(width.map((w) => '-'.repeat(w))));
	for (const r of rows) console.log(line(keys.map((k) => String(r[k]))));
}

/** Builds the app if dist/ is missing. */
export function ensureBuild(): void {
	if (existsSync(join(root, 'dist', 'server', 'entry.mjs'))) return;
	execFileSync(
		process.execPath,
		[join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
		{ cwd: root, stdio: 'inherit' },
	);
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[
		Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
	]!;
}
