import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAttemptKey } from '../../src/lib/projects/attempt-key.ts';
import { BUILDERS } from '../../src/lib/projects/builders/index.ts';
import { gradeJob, type GradeJob } from '../../src/lib/projects/grade-core.ts';
import { getCheckParams, ProjectSchema } from '../../src/lib/projects/schema.ts';
import { solveWithExcelJs } from '../helpers/project-solutions.ts';

const secret = new Uint8Array(32).fill(7);
const attemptId = 'leadlistattemptleadlista';
const project = ProjectSchema.parse(
	parse(
		readFileSync(
			join(
				import.meta.dirname,
				'..',
				'..',
				'courses',
				'web-research-and-lead-lists',
				'03-clean-import-report',
				'lead-list.project.yaml',
			),
			'utf8',
		),
	),
);
const builder = BUILDERS['lead-list']!;

async function startFile(seed: string): Promise<Uint8Array> {
	return builder.build(seed, {
		learnerName: 'Lead Test',
		attemptKey: createAttemptKey(secret, attemptId),
	});
}

function job(seed: string, bytes: Uint8Array): GradeJob {
	return {
		bytes,
		kind: 'xlsx',
		secret,
		attemptId,
		expected: builder.expected(seed),
		steps: project.steps.map((s) => ({
			id: s.id,
			points: s.points,
			checks: s.checks.map((c) => ({ type: c.check, params: getCheckParams(c) })),
		})),
	};
}

async function grade(seed: string, skip: string[] = []) {
	const result = await gradeJob(
		job(seed, await solveWithExcelJs('lead-list', await startFile(seed), skip)),
	);
	if (!result.ok) throw new Error(`refused: ${result.refusal}`);
	return result.report;
}

describe('lead-list builder', () => {
	it('writes a messy list with repeats that differ per attempt and the same file for the same seed', async () => {
		const read = async (bytes: Uint8Array) => {
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
			const emails: string[] = [];
			wb.getWorksheet('Leads')!.eachRow(
				(row, r) => r > 1 && emails.push(String(row.getCell(3).value)),
			);
			return emails;
		};
		const a = await read(await startFile('seed-a'));
		const b = await read(await startFile('seed-b'));
		expect(a).not.toEqual(b);
		expect(a.length).toBeGreaterThan(builder.expected('seed-a').leadCount as number);
		expect(new Set(a.map((e) => e.trim().toLowerCase())).size).toBe(
			builder.expected('seed-a').leadCount,
		);
		expect(a.some((e) => e !== e.trim().toLowerCase())).toBe(true);
		expect(
			Buffer.from(await startFile('seed-a')).equals(Buffer.from(await startFile('seed-a'))),
		).toBe(true);
	});
});

describe('grading the lead-list project', () => {
	it('gives a right solution 100 for several attempts', async () => {
		for (const seed of ['one', 'two', 'three']) {
			const report = await grade(seed);
			expect(report.score, seed).toBe(100);
			expect(report.steps.every((s) => s.status === 'passed')).toBe(true);
		}
	});

	it('marks down a list whose emails were not cleaned, and one whose repeats were left in', async () => {
		const dirty = await grade('one', ['clean-emails']);
		expect(dirty.score).toBeLessThan(100);
		expect(dirty.steps.find((s) => s.id === 'clean-emails')!.status).not.toBe('passed');
		const repeats = await grade('two', ['dedupe-table']);
		expect(repeats.score).toBeLessThan(80);
		expect(repeats.steps.find((s) => s.id === 'dedupe-table')!.status).toBe('not-yet');
	});

	it('fails the drop-down step when the Status cells have no list', async () => {
		const report = await grade('three', ['status-dropdown']);
		expect(report.steps.find((s) => s.id === 'status-dropdown')!.status).toBe('not-yet');
		expect(report.score).toBe(80);
	});
});
