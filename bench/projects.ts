/**
 * Graded projects: how long grading one file takes, and how many uploads the server grades per
 * second with 20 learners uploading at once, printed beside the server's trivial-endpoint rate.
 *
 * 1. Grading time (in this process, the code the worker threads run): every shipped project's
 *    finished file (.xlsx, .docx, .pptx, made by a JS library from a fresh start file), and a typical Word file
 *    (the check library's LibreOffice- and docx-made fixtures, with every Word check) —
 *    open + key check + all steps, p50 and p99 over BENCH_PROJECT_GRADES runs (default 300).
 *    Goal: p99 ≤ 100 ms.
 * 2. Throughput (production server, throwaway database): 20 signed-up learners each open the
 *    project page, then upload their own finished order-report file again and again for
 *    BENCH_PROJECT_SECONDS (default 10 s):
 *    multipart parse, worker-thread grading, report and SHA-256 recorded; then /healthz with 20
 *    connections for the same time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createAttemptKey } from '../src/lib/projects/attempt-key.ts';
import { BUILDERS } from '../src/lib/projects/builders/index.ts';
import { gradeJob, type GradeJob } from '../src/lib/projects/grade-core.ts';
import { signUp } from '../tests/helpers/accounts.ts';
import {
	getOfficeKind,
	solveWithExcelJs,
	solveWithJs,
} from '../tests/helpers/project-solutions.ts';
import { CHECK_CASES } from '../tests/unit/office-check-cases.ts';
import { ensureBuild, load, percentile, printTable, root, startServer } from './lib.ts';

const RUNS = Number(process.env.BENCH_PROJECT_GRADES ?? 300);
const SECONDS = Number(process.env.BENCH_PROJECT_SECONDS ?? 10);
const CONCURRENCY = 20;
const PROJECTS = [
	{ id: 'customer-list', file: 'courses/excel/01-clean-data-entry/customer-list.project.yaml' },
	{
		id: 'order-report',
		file: 'courses/excel/02-formulas-clients-ask-for/order-report.project.yaml',
	},
	{
		id: 'sales-summary',
		file: 'courses/excel/03-reports-and-hand-over/sales-summary.project.yaml',
	},
	{
		id: 'lead-list',
		file: 'courses/web-research-and-lead-lists/03-clean-import-report/lead-list.project.yaml',
	},
	{
		id: 'buyer-guide',
		file: 'courses/microsoft-office/01-word-documents/buyer-guide.project.yaml',
	},
	{
		id: 'buyer-letter',
		file: 'courses/microsoft-office/02-collaboration-and-mail-merge/buyer-letter.project.yaml',
	},
	{
		id: 'office-lunch-deck',
		file: 'courses/microsoft-office/03-slides-and-files/office-lunch-deck.project.yaml',
	},
];

async function time(job: GradeJob): Promise<{ p50: number; p99: number; score: number }> {
	const times: number[] = [];
	let score = 0;
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		const r = await gradeJob(job);
		times.push(performance.now() - t);
		if (!r.ok) throw new Error(`refused: ${r.refusal}`);
		score = r.report.score;
	}
	return {
		p50: Math.round(percentile(times, 50) * 10) / 10,
		p99: Math.round(percentile(times, 99) * 10) / 10,
		score,
	};
}

const secret = new Uint8Array(32).fill(7);
const rows: Record<string, string | number>[] = [];
for (const p of PROJECTS) {
	const project = parse(readFileSync(join(root, p.file), 'utf8'));
	const builder = BUILDERS[project.builder]!;
	const attemptId = 'benchattemptbenchattempt';
	const start = await builder.build('bench-seed', {
		learnerName: 'Bench Learner',
		attemptKey: createAttemptKey(secret, attemptId),
	});
	const solved = await solveWithJs(p.id, start);
	const kind = getOfficeKind(solved);
	const steps = project.steps.map(
		(s: { id: string; points: number; checks: { check: string }[] }) => ({
			id: s.id,
			points: s.points,
			checks: s.checks.map(({ check, ...params }) => ({ type: check, params })),
		}),
	);
	const r = await time({
		bytes: solved,
		kind,
		secret,
		attemptId,
		steps,
		expected: builder.expected('bench-seed'),
	});
	rows.push({
		file: `${p.id}.${kind} (${Math.round(solved.byteLength / 1024)} KB)`,
		checks: steps.reduce((n: number, s: { checks: unknown[] }) => n + s.checks.length, 0),
		'p50 ms': r.p50,
		'p99 ms': r.p99,
		score: r.score,
	});
}
const wordChecks = CHECK_CASES.filter((c) => c.type.startsWith('docx.'));
for (const name of ['lo-good.docx', 'js-good.docx']) {
	const bytes = new Uint8Array(readFileSync(join(root, 'tests', 'fixtures', 'office', name)));
	// The fixtures carry no attempt key: grade them as the worker does after the key check.
	const { stampAttemptKey } = await import('../src/lib/projects/builders/stamp.ts');
	const stamped = stampAttemptKey(bytes, createAttemptKey(secret, 'benchattemptbenchattempt'));
	const steps = wordChecks.map((c, i) => ({
		id: `s${i}`,
		points: 10,
		checks: [{ type: c.type, params: c.params }],
	}));
	const r = await time({
		bytes: stamped,
		kind: 'docx',
		secret,
		attemptId: 'benchattemptbenchattempt',
		steps,
		expected: {},
	});
	rows.push({
		file: `${name} (${Math.round(bytes.byteLength / 1024)} KB)`,
		checks: steps.length,
		'p50 ms': r.p50,
		'p99 ms': r.p99,
		score: r.score,
	});
}
printTable(`Grading time per file (${RUNS} runs each, in process; goal p99 ≤ 100 ms)`, rows);

ensureBuild();
const server = await startServer();
try {
	const page = '/courses/excel/project-march-orders/project/order-report';
	const learners = await Promise.all(Array.from({ length: CONCURRENCY }, () => signUp(server.url)));
	const files = await Promise.all(
		learners.map(async ({ browser }) =>
			solveWithExcelJs(
				'order-report',
				new Uint8Array(await (await browser.get(`${page}/start-file`)).arrayBuffer()),
			),
		),
	);
	// As a learner does, each opens the project page (and its upload form) before uploading.
	await Promise.all(learners.map(async ({ browser }) => (await browser.get(page)).arrayBuffer()));
	let graded = 0;
	let failed = 0;
	const latencies: number[] = [];
	const end = Date.now() + SECONDS * 1000;
	await Promise.all(
		learners.map(async ({ browser }, i) => {
			while (Date.now() < end) {
				const form = new FormData();
				form.set('intent', 'upload');
				form.set('file', new Blob([files[i]! as Uint8Array<ArrayBuffer>]), 'order-report.xlsx');
				const t = performance.now();
				const res = await browser.request(page, { method: 'POST', body: form });
				await res.arrayBuffer();
				latencies.push(performance.now() - t);
				if (res.status === 303) graded++;
				else failed++;
			}
		}),
	);
	const trivial = await load({
		url: `${server.url}/healthz`,
		connections: CONCURRENCY,
		duration: SECONDS,
	});
	const uploadsPerSecond = Math.round((graded / SECONDS) * 10) / 10;
	printTable(
		`Uploads graded per second, ${CONCURRENCY} learners at once for ${SECONDS} s (production server)`,
		[
			{
				endpoint: 'POST project upload (grade + record)',
				'req/s': uploadsPerSecond,
				'p50 ms': Math.round(percentile(latencies, 50)),
				'p99 ms': Math.round(percentile(latencies, 99)),
				refused: failed,
			},
			{
				endpoint: 'GET /healthz (trivial)',
				'req/s': trivial.requestsPerSecond,
				'p50 ms': trivial.p50,
				'p99 ms': trivial.p99,
				refused: trivial.non2xx,
			},
		],
	);
	console.log(
		`\nGraded uploads per second as a share of the trivial endpoint's rate: ${(uploadsPerSecond / trivial.requestsPerSecond).toFixed(4)}`,
	);
} finally {
	await server.stop();
}
