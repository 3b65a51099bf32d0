/**
 * `npm run bench [-- name …]`: runs the benchmarks in bench/ one after another (all by default)
 * and prints their figures. Each scenario starts its own production server with a throwaway
 * database; build first (`npm run build`) or the first scenario builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const all = readdirSync(dir)
	.filter((f) => f.endsWith('.ts') && !['run.ts', 'lib.ts', 'seed.ts'].includes(f))
	.map((f) => f.replace(/\.ts$/, ''));
const order = [
	'pages',
	'auth',
	'authoring',
	'progress',
	'quiz',
	'labs',
	'certificates',
	'instructor',
	'mail',
	'projects',
];
const chosen = process.argv.slice(2);
const names =
	chosen.length > 0
		? chosen
		: [...order.filter((n) => all.includes(n)), ...all.filter((n) => !order.includes(n))];
for (const name of names) {
	if (!existsSync(join(dir, `${name}.ts`))) {
		console.error(`No benchmark named "${name}". Available: ${all.join(', ')}`);
		process.exit(2);
	}
	console.log(`\n=== bench/${name}.ts ===`);
	const result = spawnSync(process.execPath, [join(dir, `${name}.ts`)], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
