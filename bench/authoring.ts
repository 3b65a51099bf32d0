/**
 * Authoring: build time per 100 lessons (synthetic lessons generated into a temporary copy of the
 * project, built with and without them), and what a lesson page weighs: HTML, CSS and JavaScript,
 * raw and gzip, for a visitor and for a signed-in learner.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signUp } from '../tests/helpers/accounts.ts';
import { ensureBuild, printTable, root, startServer } from './lib.ts';

function lessonText(n: number): string {
	const paragraph = `A virtual assistant keeps a client's records clean, answers on time and explains each step. In lesson ${n} the learner practises one small task, checks the result and notes what to tell the client. `;
	return `---
title: Synthetic lesson ${n}
minutes: 10
objectives:
  - Practise task ${n}
---

<Objectives />

${paragraph.repeat(6)}

<Callout type="tip">

${paragraph}

</Callout>

<Steps>

1. Open the file.
2. Press <Kbd win="Ctrl+S" mac="Cmd+S" /> to save.
3. Tell the client it is done.

</Steps>

${paragraph.repeat(6)}
`;
}

function buildSeconds(dir: string): number {
	const started = performance.now();
	execFileSync(
		process.execPath,
		[join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
		{ cwd: dir, stdio: 'ignore' },
	);
	return (performance.now() - started) / 1000;
}

const work = mkdtempSync(join(tmpdir(), 'bench-authoring-'));
for (const entry of [
	'src',
	'content',
	'courses',
	'db',
	'public',
	'astro.config.mjs',
	'package.json',
	'tsconfig.json',
]) {
	cpSync(join(root, entry), join(work, entry), { recursive: true });
}
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
const rows: Record<string, string | number>[] = [];
try {
	buildSeconds(work); // warm the caches once
	const base = buildSeconds(work);
	rows.push({ build: 'real courses only', lessons: '+0', seconds: base.toFixed(1) });
	for (const extra of [100, 200]) {
		const course = join(work, 'courses', 'synthetic');
		rmSync(course, { recursive: true, force: true });
		mkdirSync(course, { recursive: true });
		writeFileSync(
			join(course, 'course.md'),
			`---\ntitle: Synthetic\nsummary: Generated for the build benchmark.\nskillArea: other\nlevel: beginner\nhours: 1\noutcomes: [x]\nskills: [y]\ndraft: true\n---\n`,
		);
		for (let u = 0; u < extra / 10; u++) {
			const unit = join(course, `${String(u + 1).padStart(2, '0')}-unit-${u + 1}`);
			mkdirSync(unit);
			writeFileSync(join(unit, 'unit.yaml'), `title: Unit ${u + 1}\n`);
			for (let l = 0; l < 10; l++)
				writeFileSync(
					join(unit, `${String(l + 1).padStart(2, '0')}-lesson-${u * 10 + l + 1}.mdx`),
					lessonText(u * 10 + l + 1),
				);
		}
		const seconds = buildSeconds(work);
		rows.push({
			build: `with ${extra} synthetic lessons`,
			lessons: `+${extra}`,
			seconds: seconds.toFixed(1),
		});
		rows.push({
			build: '  → per 100 lessons',
			lessons: '',
			seconds: (((seconds - base) / extra) * 100).toFixed(1),
		});
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
printTable('Build time (astro build, 2 cores)', rows);

ensureBuild();
const server = await startServer();
try {
	const path = '/courses/excel/tables-and-formats';
	const weigh = async (cookie?: string) => {
		const headers: Record<string, string> = cookie ? { cookie } : {};
		const html = Buffer.from(await (await fetch(server.url + path, { headers })).arrayBuffer());
		const text = html.toString('utf8');
		const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
		const js = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
		const sizes = async (urls: string[]) => {
			let raw = 0;
			let gz = 0;
			for (const u of urls) {
				const b = Buffer.from(await (await fetch(server.url + u)).arrayBuffer());
				raw += b.length;
				gz += gzipSync(b).length;
			}
			return { raw, gz };
		};
		const c = await sizes(css);
		const j = await sizes(js);
		const inlineStyles = [...text.matchAll(/<style>([\s\S]*?)<\/style>/g)].reduce(
			(n, m) => n + m[1]!.length,
			0,
		);
		const inlineScripts = [...text.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map(
			(m) => m[1]!,
		);
		const inlineJs = Buffer.from(inlineScripts.join(''));
		return {
			html: html.length,
			htmlGz: gzipSync(html).length,
			css: c.raw,
			cssGz: c.gz,
			inlineStyles,
			js: j.raw + inlineJs.length,
			jsGz: j.gz + (inlineJs.length ? gzipSync(inlineJs).length : 0),
			scripts: `${js.length} files + ${inlineScripts.length} inline`,
		};
	};
	const { browser } = await signUp(server.url);
	const kb = (n: number) => (n / 1024).toFixed(1);
	const rowsBytes = [];
	for (const [who, cookie] of [
		['visitor', undefined],
		['signed-in learner', browser.cookieHeader],
	] as const) {
		const w = await weigh(cookie);
		rowsBytes.push({
			page: path,
			who,
			'HTML KB (gz)': `${kb(w.html)} (${kb(w.htmlGz)})`,
			'CSS KB (gz)': `${kb(w.css)} (${kb(w.cssGz)})`,
			'inline CSS KB': kb(w.inlineStyles),
			'JS KB (gz)': `${kb(w.js)} (${kb(w.jsGz)})`,
			'script files': w.scripts,
		});
	}
	printTable('Lesson page weight (no quiz on the page)', rowsBytes);
} finally {
	await server.stop();
}
