/**
 * Rebuilds the practice files that courses offer with <Download>, and their worked solutions.
 *
 * Each course that needs files has a module beside this one, named after the course slug, that
 * exports `files: PracticeFile[]`, and optionally `solutions: SolutionFile[]`. This script writes
 * each file to `courses/<slug>/files/<name>` and each solution to
 * `courses/<slug>/solutions/<after>/<name>` (served only to learners who passed `<after>`).
 * Builders must be deterministic (fixed dates, no randomness without a fixed seed) so that a
 * rebuild gives the same bytes and the committed files only change when their builder does.
 *
 * Usage: npm run content:files [-- <course-slug> ...]
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PracticeFile, SolutionFile } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const coursesDir = join(here, '..', '..', 'courses');

const only = process.argv.slice(2);
const modules = (await readdir(here)).filter(
	(name) =>
		name.endsWith('.ts') && !['build.ts', 'types.ts'].includes(name) && !name.startsWith('_'),
);

for (const name of modules) {
	const slug = name.replace(/\.ts$/, '');
	if (only.length > 0 && !only.includes(slug)) continue;
	const { files, solutions = [] } = (await import(join(here, name))) as {
		files: PracticeFile[];
		solutions?: SolutionFile[];
	};
	const outDir = join(coursesDir, slug, 'files');
	await mkdir(outDir, { recursive: true });
	for (const file of files) {
		const bytes = await file.build();
		await writeFile(join(outDir, file.name), bytes);
		console.log(`${slug}/files/${file.name}  ${bytes.length} bytes`);
	}
	for (const solution of solutions) {
		const dir = join(coursesDir, slug, 'solutions', solution.after);
		await mkdir(dir, { recursive: true });
		const bytes = await solution.build();
		await writeFile(join(dir, solution.name), bytes);
		console.log(`${slug}/solutions/${solution.after}/${solution.name}  ${bytes.length} bytes`);
	}
}
