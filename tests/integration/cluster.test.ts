/**
 * WEB_CONCURRENCY=2: two worker processes share the port and the one database file. Under a mixed
 * write load (sign-ups, lesson completions, quiz starts and submissions, page views) no client sees
 * an error, every acknowledged submission is in the database, and a worker that dies is replaced.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import type { Browser } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const LEARNERS = 12;
const ROUNDS = 6;

/** The pids of a process's children (Linux /proc). */
function getChildren(pid: number): number[] {
	const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
	return tasks === '' ? [] : tasks.split(/\s+/).map(Number);
}

describe('WEB_CONCURRENCY=2', () => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startServer({ env: { WEB_CONCURRENCY: '2' } });
	}, 120_000);
	afterAll(async () => {
		await server.stop();
	});

	it('runs two workers under the primary', () => {
		expect(getChildren(server.process.pid!)).toHaveLength(2);
	});

	it('serves a mixed write load with two workers and no error to any client', async () => {
		const errors: string[] = [];
		const check = async (what: string, res: Response, ok: number[]) => {
			if (!ok.includes(res.status))
				errors.push(`${what}: ${res.status} ${(await res.text()).slice(0, 200)}`);
			else await res.arrayBuffer();
		};
		const learners: Browser[] = (
			await Promise.all(Array.from({ length: LEARNERS }, () => signUp(server.url)))
		).map((l) => l.browser);
		let submitted = 0;
		await Promise.all(
			learners.map(async (browser) => {
				for (let round = 0; round < ROUNDS; round++) {
					const action = round % 2 === 0 ? 'complete' : 'uncomplete';
					await check(
						'progress',
						await browser.postJson('/api/progress', {
							course: 'cert-basics',
							lesson: 'first-steps',
							action,
						}),
						[200],
					);
					const start = await browser.postJson('/api/quiz/start', {
						course: 'cert-assessed',
						quiz: 'cert-final',
					});
					if (start.status !== 201) {
						errors.push(`start: ${start.status} ${(await start.text()).slice(0, 200)}`);
						continue;
					}
					const { attempt } = await start.json();
					const submit = await browser.postJson('/api/quiz/submit', {
						attempt: attempt.id,
						answers: { sky: round % 3 !== 0 },
					});
					await check('submit', submit, [200]);
					if (submit.ok) submitted++;
					await check('dashboard', await browser.get('/dashboard'), [200]);
				}
			}),
		);
		expect(errors).toEqual([]);
		expect(submitted).toBe(LEARNERS * ROUNDS);
		const { client } = await getTestDb(server.databaseUrl);
		const rows = await client.execute(
			"select count(*) as n from quiz_attempt where quiz_id = 'cert-final' and submitted_at is not null",
		);
		expect(Number(rows.rows[0]!.n)).toBe(LEARNERS * ROUNDS);
	}, 120_000);

	it('replaces a worker that dies, and keeps answering meanwhile', async () => {
		const [victim] = getChildren(server.process.pid!);
		process.kill(victim!, 'SIGKILL');
		// Connections the dead worker held are gone with it; new ones go to the other worker.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		await vi.waitFor(
			() =>
				expect(getChildren(server.process.pid!).filter((pid) => pid !== victim)).toHaveLength(2),
			{ timeout: 30_000, interval: 200 },
		);
	}, 60_000);
});
