import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAttemptKey } from '../../src/lib/projects/attempt-key.ts';
import { BUILDERS } from '../../src/lib/projects/builders/index.ts';
import type { GradeJob } from '../../src/lib/projects/grade-core.ts';
import { solveWithExcelJs } from '../helpers/project-solutions.ts';

const secret = new Uint8Array(32).fill(3);
const attemptId = 'poolattemptpoolattemptpo';

async function job(): Promise<GradeJob> {
	const builder = BUILDERS['order-report']!;
	const start = await builder.build('pool-seed', {
		learnerName: 'Pool Test',
		attemptKey: createAttemptKey(secret, attemptId),
	});
	return {
		bytes: await solveWithExcelJs('order-report', start),
		kind: 'xlsx',
		secret,
		attemptId,
		expected: builder.expected('pool-seed'),
		steps: [
			{
				id: 'totals',
				points: 10,
				checks: [
					{
						type: 'xlsx.formula',
						params: { cell: 'Summary!B2:B5', functions: ['SUMIFS'], expected: '$regionTotals' },
					},
				],
			},
		],
	};
}

afterEach(() => {
	vi.unstubAllEnvs();
	vi.resetModules();
});

describe('gradeInWorker', () => {
	it('grades a file in a worker thread', async () => {
		const { gradeInWorker } = await import('../../src/lib/server/projects/grading-pool.ts');
		const result = await gradeInWorker(await job());
		expect(result).toEqual({
			ok: true,
			report: {
				score: 100,
				steps: [{ id: 'totals', points: 10, max: 10, status: 'passed', messages: [] }],
			},
		});
	}, 60_000);

	it('refuses a file whose grading runs past the time limit, again with the fresh worker that replaces the stopped one', async () => {
		vi.stubEnv('PROJECT_GRADE_TIMEOUT_MS', '1');
		vi.stubEnv('PROJECT_GRADE_WORKERS', '1');
		const { gradeInWorker } = await import('../../src/lib/server/projects/grading-pool.ts');
		expect(await gradeInWorker(await job())).toEqual({ ok: false, refusal: 'timeout' });
		// A fresh worker replaces the terminated one.
		expect(await gradeInWorker(await job())).toEqual({ ok: false, refusal: 'timeout' });
	}, 60_000);
});
