/**
 * Lighthouse, mobile: the npm `lighthouse` package with its default config (an emulated Moto G
 * Power, simulated slow 4G and 4× CPU throttling) against the production build, in the Debian
 * Chromium. Goal (issue #19): performance and accessibility stay at 100 on the home, catalogue,
 * course, lesson, quiz and dashboard pages. Each page runs LIGHTHOUSE_RUNS times (default 3); the
 * table prints the median run's four category scores, LCP, TBT and CLS, every run's performance
 * score, and every weighted audit of the median run below full marks. The median runs' JSON reports
 * are written to a temp folder (path printed) to read the failing audits.
 *
 * The quiz page (the lesson that embeds the Getting started check) and the dashboard are seen by a
 * signed-in learner seeded by bench/seed.ts with enrolments and progress; the session cookie
 * travels in Lighthouse's `extraHeaders`.
 *
 * `npm run bench -- lighthouse` (uses /usr/bin/chromium when present). A benchmark, not a test:
 * simulated throttling scales timings observed on this machine, so the load average is printed.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, printTable, startServer } from './lib.ts';
import { seed } from './seed.ts';

const PAGES: { label: string; path: string; signedIn: boolean }[] = [
	{ label: 'home', path: '/', signedIn: false },
	{ label: 'catalogue', path: '/courses', signedIn: false },
	{ label: 'course', path: '/courses/excel', signedIn: false },
	{ label: 'lesson', path: '/courses/excel/tables-and-formats', signedIn: false },
	// The lesson that embeds the Getting started check quiz island.
	{ label: 'quiz', path: '/courses/getting-started/prove-your-skills', signedIn: true },
	// The island hydrates when visible (client:visible) and Lighthouse does not scroll: opened at
	// the quiz's anchor, the page loads and runs the island's JavaScript during the run.
	{
		label: 'quiz, hydrated',
		path: '/courses/getting-started/prove-your-skills#quiz-getting-started-check-title',
		signedIn: true,
	},
	{ label: 'dashboard', path: '/dashboard', signedIn: true },
];
// `node bench/lighthouse.ts dashboard quiz` runs only the named pages.
const only = process.argv.slice(2);
const chosen = only.length > 0 ? PAGES.filter((p) => only.includes(p.label)) : PAGES;
/** Runs per page (LIGHTHOUSE_RUNS, default 3); the table shows the median run, as Lighthouse advises. */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS || '3'));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

ensureBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'dakshata-lighthouse-'));
const seeded = await seed(`file:${join(dataDir, 'test.db')}`, 50, 5);
const cookie = seeded.sessions[0]!.cookie;
const server = await startServer({ dataDir });
const reports = join(dataDir, 'reports');
mkdirSync(reports);
const loadBefore = loadavg()[0]!.toFixed(2);
const chrome = await chromeLauncher.launch({
	chromePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
	chromeFlags: ['--headless=new', '--no-sandbox'],
});

/** One Lighthouse run of `url` in the launched Chromium; a signed-in run sends the session cookie. */
async function runLighthouse(url: string, signedIn: boolean) {
	const result = await lighthouse(url, {
		port: chrome.port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: [...CATEGORIES],
		extraHeaders: signedIn ? { cookie } : undefined,
	});
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	return result.lhr;
}

const rows: Record<string, string | number>[] = [];
const shortfalls: string[] = [];
let version = '';
try {
	for (const page of chosen) {
		const url = server.url + page.path;
		// Warm the server (first render, caches) so the run measures the page, not a cold start.
		const warm = await fetch(url, {
			headers: page.signedIn ? { cookie } : {},
			redirect: 'manual',
		});
		if (warm.status !== 200) throw new Error(`${page.path} answered ${warm.status}`);
		const runs = [];
		for (let i = 0; i < RUNS; i++) {
			let run = await runLighthouse(url, page.signedIn);
			// A trace that failed to record (NO_NAVSTART and kin) is Chromium's hiccup: one more try.
			if (run.runtimeError) run = await runLighthouse(url, page.signedIn);
			if (run.runtimeError) throw new Error(`${url}: ${run.runtimeError.message}`);
			runs.push(run);
		}
		// Lighthouse's own pick of the run nearest the median FCP and TTI.
		const lhr = computeMedianRun(runs);
		version = lhr.lighthouseVersion;
		writeFileSync(join(reports, `${page.label}.json`), JSON.stringify(lhr));
		const perf = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
		const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
		const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
		rows.push({
			page: page.label,
			url: page.path + (page.signedIn ? ' (signed in)' : ''),
			...Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
			'performance, all runs': perf.join(' '),
			'LCP ms': Math.round(audit('largest-contentful-paint')),
			'TBT ms': Math.round(audit('total-blocking-time')),
			CLS: audit('cumulative-layout-shift').toFixed(3),
			'final URL': lhr.finalDisplayedUrl === url ? '=' : lhr.finalDisplayedUrl,
		});
		for (const category of CATEGORIES) {
			for (const ref of lhr.categories[category]?.auditRefs ?? []) {
				const a = lhr.audits[ref.id];
				if (ref.weight > 0 && a && a.score !== null && a.score < 1)
					shortfalls.push(
						`${page.label}: ${category} / ${a.id} score ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`,
					);
			}
		}
	}
} finally {
	chrome.kill();
	await server.stop();
}
printTable(
	`Lighthouse ${version} mobile (default config: Moto G emulation, simulated throttling), median of ${RUNS} runs per page, load average ${loadBefore} at start, ${loadavg()[0]!.toFixed(2)} at end`,
	rows,
);
console.log(
	shortfalls.length > 0
		? `\nWeighted audits below full marks:\n  ${shortfalls.join('\n  ')}`
		: '\nEvery weighted audit at full marks.',
);
console.log(`\nJSON reports: ${reports}`);
