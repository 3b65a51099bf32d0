/**
 * `npm start`: builds when the build is missing or older than any source file, then serves.
 * Staleness is judged by modification times of everything that goes into the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', 'server', 'entry.mjs');
const inputs = [
	'src',
	'courses',
	'content',
	'db',
	'public',
	'astro.config.mjs',
	'package.json',
	'package-lock.json',
	'tsconfig.json',
];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sources = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
if (built < sources) {
	console.log(
		built === 0
			? 'No build yet: building (about a minute)…'
			: 'Sources changed since the last build: rebuilding…',
	);
	const result = spawnSync(
		process.execPath,
		[join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
		{
			cwd: root,
			stdio: 'inherit',
		},
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('./serve.ts');
