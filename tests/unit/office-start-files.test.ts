/**
 * The Word and PowerPoint start files of the Microsoft Office course, graded without a server:
 * each opens as its kind with the learner's key, scores low as downloaded (every step has work
 * left), and the docx/pptxgenjs-made solution (which keeps only the visible key, as a Google
 * export does) scores 100; leaving one step undone costs exactly that step with its message.
 * The LibreOffice-made solutions are graded over HTTP in tests/integration/projects.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createAttemptKey } from '../../src/lib/projects/attempt-key.ts';
import { BUILDERS } from '../../src/lib/projects/builders/index.ts';
import { gradeJob, type GradeJob } from '../../src/lib/projects/grade-core.ts';
import { openOfficeFile } from '../../src/lib/projects/ooxml.ts';
import { OFFICE_JS_SOLVERS } from '../helpers/office-solutions.ts';

const COURSE = join(import.meta.dirname, '..', '..', 'courses', 'microsoft-office');
const secret = new Uint8Array(32).fill(3);
const attemptId = 'officeattempt0000001';
const attemptKey = createAttemptKey(secret, attemptId);

function loadProject(id: string) {
	const rel = readdirSync(COURSE, { recursive: true, encoding: 'utf8' }).find((f) =>
		f.endsWith(`/${id}.project.yaml`),
	)!;
	return parse(readFileSync(join(COURSE, rel), 'utf8')) as {
		app: string;
		builder: string;
		steps: { id: string; points: number; checks: { check: string }[] }[];
	};
}

async function grade(id: string, seed: string, bytes: Uint8Array) {
	const project = loadProject(id);
	const builder = BUILDERS[project.builder]!;
	const job: GradeJob = {
		bytes,
		kind: builder.kind,
		secret,
		attemptId,
		steps: project.steps.map((s) => ({
			id: s.id,
			points: s.points,
			checks: s.checks.map(({ check, ...params }) => ({ type: check, params })),
		})),
		expected: builder.expected(seed),
	};
	const result = await gradeJob(job);
	if (!result.ok) throw new Error(`refused: ${result.refusal}`);
	return result.report;
}

/** Steps that cannot pass while another is undone: a contents list lists the headings. */
const DEPENDS: Record<string, string[]> = { 'buyer-guide/headings': ['contents'] };

const start = (id: string, seed: string) =>
	BUILDERS[loadProject(id).builder]!.build(seed, { learnerName: 'Rahima Khatun', attemptKey });

describe.each(Object.keys(OFFICE_JS_SOLVERS))('the %s project', (id) => {
	it('has a start file of its kind that carries the key and differs per attempt', async () => {
		const bytes = await start(id, 'seed-a');
		const opened = openOfficeFile(bytes);
		expect(opened.ok && opened.file.kind).toBe(BUILDERS[loadProject(id).builder]!.kind);
		expect(opened.ok && opened.file.customProperty('DakshataAttemptKey')).toBe(attemptKey);
		expect(Buffer.from(await start(id, 'seed-a')).equals(Buffer.from(bytes))).toBe(true);
		expect(Buffer.from(await start(id, 'seed-b')).equals(Buffer.from(bytes))).toBe(false);
	});

	it('scores a start file as downloaded under 20%, with no step passed', async () => {
		for (const seed of ['seed-a', 'seed-b', 'seed-c']) {
			const report = await grade(id, seed, await start(id, seed));
			expect(report.score).toBeLessThan(20);
			expect(report.steps.filter((s) => s.status === 'passed')).toEqual([]);
		}
	});

	it('gives a docx/pptxgenjs-made solution 100, and takes off exactly the step left undone (and any step that needs it)', async () => {
		const project = loadProject(id);
		for (const seed of ['seed-a', 'seed-b', 'seed-c']) {
			const bytes = await start(id, seed);
			expect((await grade(id, seed, await OFFICE_JS_SOLVERS[id]!(bytes, []))).score).toBe(100);
			for (const step of project.steps) {
				const report = await grade(id, seed, await OFFICE_JS_SOLVERS[id]!(bytes, [step.id]));
				const undone = report.steps.filter((s) => s.status !== 'passed');
				expect(
					undone.map((s) => s.id),
					`${seed} without ${step.id}`,
				).toEqual([step.id, ...(DEPENDS[`${id}/${step.id}`] ?? [])]);
				expect(undone[0]!.messages[0]!.key).toMatch(/^check\./);
			}
		}
	});
});
