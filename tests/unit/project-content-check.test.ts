import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCourses } from '../../src/lib/content/check.ts';
import { removeTranslationStamps } from '../helpers/unstamp.ts';

const repo = join(import.meta.dirname, '..', '..');
const sample = join(repo, 'courses', 'getting-started');
const realProject = readFileSync(
	join(repo, 'courses', 'excel', '02-formulas-clients-ask-for', 'order-report.project.yaml'),
	'utf8',
);
let root: string;

function course(): string {
	const dir = join(root, 'courses', 'sample');
	cpSync(sample, dir, { recursive: true });
	removeTranslationStamps(dir);
	return dir;
}
const write = (path: string, text: string) => {
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, text);
};
const unit = (dir: string) => join(dir, '01-start-here');
const lesson = (dir: string) => join(unit(dir), '01-how-courses-work.mdx');
const check = () => checkCourses(join(root, 'courses'), root);
const PROJECT_FILE = 'courses/sample/01-start-here/order-report.project.yaml';

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'project-check-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkCourses on graded projects', () => {
	it('accepts a valid project embedded in a lesson', async () => {
		const dir = course();
		write(join(unit(dir), 'order-report.project.yaml'), realProject);
		write(lesson(dir), '---\ntitle: T\nminutes: 5\n---\n\n<Project id="order-report" />\n');
		expect(await check()).toEqual([]);
	});

	it('reports an unknown check type at its line', async () => {
		const dir = course();
		write(
			join(unit(dir), 'order-report.project.yaml'),
			realProject.replace('check: xlsx.calculated', 'check: xlsx.magic'),
		);
		const problems = await check();
		const line = realProject.split('\n').findIndex((l) => l.includes('cell: Orders!J2:J31'));
		expect(problems).toContainEqual({
			file: PROJECT_FILE,
			line,
			message: expect.stringContaining('unknown check type "xlsx.magic"'),
		});
	});

	it('reports a $value the builder does not compute, and a bad check parameter', async () => {
		const dir = course();
		write(
			join(unit(dir), 'order-report.project.yaml'),
			realProject
				.replace('expected: $lineTotals', 'expected: $lineTotal')
				.replace('functions: [SUMIFS]', 'functions: SUMIFS'),
		);
		const messages = (await check()).map((p) => p.message);
		expect(messages).toContainEqual(
			expect.stringContaining('$lineTotal is not a value builder "order-report" computes'),
		);
		expect(messages).toContainEqual(expect.stringMatching(/^xlsx\.formula: functions: /));
	});

	it('reports a missing builder, a duplicate step and a dangling <Project> reference', async () => {
		const dir = course();
		write(
			join(unit(dir), 'order-report.project.yaml'),
			realProject
				.replace('builder: order-report', 'builder: no-such-builder')
				.replace('id: line-totals', 'id: unit-prices'),
		);
		write(lesson(dir), '---\ntitle: T\nminutes: 5\n---\n\n<Project id="nope" />\n');
		const messages = (await check()).map((p) => p.message);
		expect(messages).toContainEqual(
			expect.stringContaining('builder "no-such-builder" does not exist'),
		);
		expect(messages).toContainEqual(expect.stringContaining('duplicate step id "unit-prices"'));
		expect(messages).toContainEqual(
			expect.stringContaining('<Project id="nope"> matches no project'),
		);
	});

	it('reports a translation with a step English does not have, and a required project no lesson embeds', async () => {
		const dir = course();
		write(join(unit(dir), 'order-report.project.yaml'), realProject);
		write(
			join(unit(dir), 'order-report.project.bn.yaml'),
			'title: অর্ডার রিপোর্ট\nsteps:\n  - id: no-such-step\n    title: ধাপ\n',
		);
		const courseFile = join(dir, 'course.md');
		write(
			courseFile,
			readFileSync(courseFile, 'utf8').replace(
				'quizzes: [getting-started-check]',
				'quizzes: [getting-started-check]\n  projects: [order-report]',
			),
		);
		const problems = await check();
		expect(problems).toContainEqual({
			file: 'courses/sample/01-start-here/order-report.project.bn.yaml',
			line: 1,
			message: 'translation has step "no-such-step", which English does not',
		});
		expect(problems).toContainEqual(
			expect.objectContaining({
				file: PROJECT_FILE,
				message: expect.stringContaining('required for the certificate but no lesson embeds it'),
			}),
		);
	});
});
