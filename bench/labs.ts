/**
 * Labs at scale on the embedded database: lab submissions graded and recorded per second with 50
 * learners submitting at once (each request a real, distinct open attempt, posted as the plain
 * form a browser sends), beside the same server's trivial-endpoint rate (`/healthz`).
 *
 * Set-up (not measured): learners and sessions from bench/seed.ts, then one open attempt per
 * learner and scenario written straight into the database, with the work that passes it (the
 * model proposal; every inbox message handled as expected, 22 messages). Scenarios: proposal
 * submissions, inbox submissions, then the trivial endpoint.
 * Environment: BENCH_LAB_SUBMISSIONS (per scenario, default 3000).
 */
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client.ts';
import type { InboxLab, ProposalLab } from '../src/lib/labs/schema.ts';
import { generateSecureRandomString } from '../src/lib/server/random.ts';
import { readLab } from '../tests/helpers/lab-files.ts';
import { buildExpectedActions, toInboxFields } from '../tests/helpers/lab-work.ts';
import { ensureBuild, load, printTable, startServer } from './lib.ts';
import { seed } from './seed.ts';

const N = Number(process.env.BENCH_LAB_SUBMISSIONS ?? 3000);
const SCENARIOS = [
	{
		name: 'proposal (8 rules)',
		course: 'client-communication',
		lesson: 'proposal-practice',
		lab: 'proposal-planted-instructions',
	},
	{
		name: 'inbox (22 messages)',
		course: 'email-management',
		lesson: 'inbox-practice',
		lab: 'inbox-studio-triage',
	},
];

ensureBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-labs-'));
const url = `file:${join(dataDir, 'test.db')}`;
const seeded = await seed(url, SCENARIOS.length * N + 100, SCENARIOS.length * N);

/** One open attempt (variant 0) per session, and the form body that passes it. */
async function createAttempts(
	scenario: (typeof SCENARIOS)[number],
	sessions: { userId: string }[],
) {
	const lab = readLab(scenario.course, scenario.lab, 0);
	const fields =
		lab.kind === 'proposal'
			? { proposal: (lab as ProposalLab).proposal.model }
			: toInboxFields(buildExpectedActions(lab as InboxLab));
	const handle = await openDatabase({ url });
	const bodies: string[] = [];
	for (let i = 0; i < sessions.length; i += 500) {
		const rows = sessions.slice(i, i + 500).map((s) => {
			const id = generateSecureRandomString();
			bodies.push(new URLSearchParams({ intent: 'submit', attempt: id, ...fields }).toString());
			return [
				id,
				s.userId,
				scenario.course,
				scenario.lab,
				'en',
				0,
				generateSecureRandomString(),
				Date.now(),
			];
		});
		await handle.client.execute({
			sql: `INSERT INTO lab_attempt (id, user_id, course_slug, lab_id, locale, variant, seed, started_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
			args: rows.flat(),
		});
	}
	handle.close();
	return bodies;
}

const prepared = [];
for (const [i, scenario] of SCENARIOS.entries()) {
	const sessions = seeded.sessions.slice(i * N, (i + 1) * N);
	prepared.push({ scenario, sessions, bodies: await createAttempts(scenario, sessions) });
}

const server = await startServer({ dataDir });
const rows: Record<string, string | number>[] = [];
try {
	for (const { scenario, sessions, bodies } of prepared) {
		const path = `/courses/${scenario.course}/${scenario.lesson}/lab/${scenario.lab}`;
		for (let i = 0; i < 10; i++)
			await fetch(`${server.url}${path}`, {
				headers: { cookie: seeded.sessions.at(-1 - i)!.cookie },
			});
		let n = 0;
		const result = await autocannon({
			url: `${server.url}${path}`,
			connections: 50,
			amount: sessions.length,
			requests: [
				{
					method: 'POST',
					setupRequest: (req) => {
						const i = n++ % sessions.length;
						return {
							...req,
							headers: {
								'content-type': 'application/x-www-form-urlencoded',
								origin: server.url,
								cookie: sessions[i]!.cookie,
							},
							body: bodies[i]!,
						};
					},
				},
			],
		});
		rows.push({
			scenario: `submit ${scenario.name}: grade + record + lesson`,
			requests: result.requests.total,
			'req/s': Math.round(result.requests.average),
			'p50 ms': result.latency.p50,
			'p99 ms': result.latency.p99,
			'non-3xx': result.requests.total - (result['3xx'] ?? 0),
			errors: result.errors,
		});
	}
	const trivial = await load({ url: `${server.url}/healthz`, duration: 5 });
	rows.push({
		scenario: 'GET /healthz (trivial endpoint)',
		requests: '-',
		'req/s': trivial.requestsPerSecond,
		'p50 ms': trivial.p50,
		'p99 ms': trivial.p99,
		'non-3xx': '-',
		errors: trivial.errors,
	});
	const handle = await openDatabase({ url });
	const counts = (
		await handle.client.execute(
			'SELECT count(*) AS submitted, sum(passed) AS passed, (SELECT count(*) FROM lab_rule_result) AS results FROM lab_attempt WHERE submitted_at IS NOT NULL',
		)
	).rows[0]!;
	handle.close();
	printTable(
		`Lab submissions, 50 concurrent learners, embedded libSQL (WAL, synchronous=FULL), ${seeded.learners} learners seeded`,
		rows,
	);
	const healthz = Number(rows.at(-1)!['req/s']);
	printTable(
		'Graded submissions per second beside the trivial endpoint',
		rows.slice(0, -1).map((r) => ({
			scenario: String(r.scenario),
			'req/s': Number(r['req/s']),
			'ratio to /healthz': (Number(r['req/s']) / healthz).toFixed(3),
		})),
	);
	printTable('Recorded by the runs above', [
		{
			'attempts submitted': Number(counts.submitted),
			passed: Number(counts.passed),
			'rule results stored': Number(counts.results),
		},
	]);
} finally {
	await server.stop();
}
