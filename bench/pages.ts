/**
 * Scenario 1: pages served by the production server, side by side with a plain node:http server
 * answering the very same bytes and headers (the machine's ceiling), 50 connections for 10 s each,
 * every request asking for `br, gzip` as a browser does. Anonymous pages (home, catalogue, course,
 * English and Bengali lessons) and a signed-in learner's lesson page. Goals (issue #19): anonymous
 * ≥ 0.5 × the ceiling, signed in ≥ 0.25 ×.
 *
 * `npm run bench -- pages` runs one server process; `WEB_CONCURRENCY=2 npm run bench -- pages`
 * runs two workers (and a two-process ceiling). The load average is printed beside the figures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { signUp } from '../tests/helpers/accounts.ts';
import { ensureBuild, getFreePort, load, printTable, startServer } from './lib.ts';
import { seed } from './seed.ts';

const workers = Number(process.env.WEB_CONCURRENCY || '1');
const ACCEPT = 'br, gzip';

/** The raw response (bytes as sent, headers as sent) for `path`. */
function fetchRaw(
	url: string,
	headers: Record<string, string>,
): Promise<{ status: number; headers: [string, string][]; body: Buffer }> {
	return new Promise((resolve, reject) => {
		request(url, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const pairs: [string, string][] = [];
				for (let i = 0; i < res.rawHeaders.length; i += 2) {
					const name = res.rawHeaders[i]!;
					if (!/^(date|connection|keep-alive|transfer-encoding|content-length)$/i.test(name))
						pairs.push([name, res.rawHeaders[i + 1]!]);
				}
				resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks) });
			});
		})
			.on('error', reject)
			.end();
	});
}

/** A node:http server (cluster of `workers`) answering `body` with `headers` to every request. */
async function startCeiling(body: Buffer, headers: [string, string][]) {
	const dir = mkdtempSync(join(tmpdir(), 'ceiling-'));
	writeFileSync(join(dir, 'body'), body);
	writeFileSync(join(dir, 'headers.json'), JSON.stringify(headers));
	const port = await getFreePort();
	const code = `
const cluster = require('node:cluster'); const fs = require('node:fs'); const http = require('node:http');
if (cluster.isPrimary && ${workers} > 1) { for (let i = 0; i < ${workers}; i++) cluster.fork(); }
else {
  const b = fs.readFileSync(${JSON.stringify(join(dir, 'body'))});
  const h = JSON.parse(fs.readFileSync(${JSON.stringify(join(dir, 'headers.json'))}, 'utf8'));
  h.push(['content-length', String(b.length)]);
  const flat = h.flat();
  http.createServer({ keepAliveTimeout: 75000 }, (q, s) => { s.writeHead(200, flat); s.end(b); }).listen(${port}, '127.0.0.1');
}`;
	// A file, not `-e`: cluster workers re-run the primary's script.
	writeFileSync(join(dir, 'ceiling.cjs'), code);
	const child = spawn(process.execPath, [join(dir, 'ceiling.cjs')], { stdio: 'inherit' });
	await new Promise((r) => setTimeout(r, 700));
	return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

ensureBuild();
// Learners with realistic, mixed progress (bench/seed.ts) for the many-learners row.
const dataDir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
const seeded = await seed(`file:${join(dataDir, 'test.db')}`, 400, 200);
const server = await startServer({ dataDir, env: { WEB_CONCURRENCY: String(workers) } });
const rows: Record<string, string | number>[] = [];
const load1 = loadavg()[0]!.toFixed(1);
try {
	const { browser } = await signUp(server.url, { name: 'Bench Learner' });
	const cookie = browser.cookieHeader;
	const pages: {
		label: string;
		path: string;
		headers: Record<string, string>;
		goal: number;
		/** Each request as the next of these learners (their session cookies). */
		cookies?: string[];
	}[] = [
		{ label: 'home', path: '/', headers: {}, goal: 0.5 },
		{ label: 'catalogue', path: '/courses', headers: {}, goal: 0.5 },
		{ label: 'course page', path: '/courses/excel', headers: {}, goal: 0.5 },
		{ label: 'lesson (en)', path: '/courses/excel/tables-and-formats', headers: {}, goal: 0.5 },
		{ label: 'lesson (bn)', path: '/bn/courses/excel/tables-and-formats', headers: {}, goal: 0.5 },
		{
			label: 'lesson, signed in',
			path: '/courses/excel/tables-and-formats',
			headers: { cookie },
			goal: 0.25,
		},
		{
			// Learners at every point of the course (and outside it) reading the same lesson: each
			// learner's first view is rendered (and recorded), repeats share renderings by state.
			label: `lesson, ${seeded.sessions.length} learners`,
			path: '/courses/excel/tables-and-formats',
			headers: {},
			goal: 0.25,
			cookies: seeded.sessions.map((s) => s.cookie),
		},
	];
	for (const page of pages) {
		const headers = { 'accept-encoding': ACCEPT, ...page.headers };
		const cookies = page.cookies ?? [];
		// Every learner's first view renders (and is recorded); the first visit fills the cache.
		for (const c of cookies) await fetchRaw(server.url + page.path, { ...headers, cookie: c });
		if (cookies.length === 0) await fetchRaw(server.url + page.path, headers);
		const first: Record<string, string> = cookies.length > 0 ? { cookie: cookies[0]! } : {};
		const sample = await fetchRaw(server.url + page.path, { ...headers, ...first });
		if (sample.status !== 200) throw new Error(`${page.path} answered ${sample.status}`);
		let next = 0;
		const app = await load({
			url: server.url + page.path,
			headers,
			...(cookies.length > 0 && {
				requests: [
					{
						setupRequest: (req) => ({
							...req,
							headers: { ...req.headers, cookie: cookies[next++ % cookies.length]! },
						}),
					},
				],
			}),
		});
		const ceiling = await startCeiling(sample.body, sample.headers);
		const plain = await load({ url: ceiling.url, headers });
		ceiling.stop();
		const ratio = app.requestsPerSecond / plain.requestsPerSecond;
		rows.push({
			page: page.label,
			'Dakshata req/s': app.requestsPerSecond,
			'p50/p99 ms': `${app.p50}/${app.p99}`,
			'node:http req/s': plain.requestsPerSecond,
			ratio: ratio.toFixed(3),
			goal: `≥ ${page.goal}`,
			met: ratio >= page.goal ? 'yes' : 'NO',
			'bytes sent': sample.body.length,
			encoding: sample.headers.find(([n]) => /^content-encoding$/i.test(n))?.[1] ?? 'identity',
			errors: app.errors + app.non2xx + plain.errors + plain.non2xx,
		});
	}
} finally {
	await server.stop();
}
printTable(
	`Pages vs node:http with the same bytes and headers: ${workers} worker(s), 50 connections, 10 s each, loopback, load average ${load1} at start`,
	rows,
);
