import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCourses } from '../../src/lib/content/check.ts';
import { CLEAN_QUIZ_YAML } from '../helpers/clean-quiz.ts';
import { removeTranslationStamps } from '../helpers/unstamp.ts';

const sample = join(import.meta.dirname, '..', '..', 'courses', 'getting-started');
let root: string;

/** A copy of the sample course, with a quiz that passes the item-writing rules, to break in one
 * way per test. */
function course(): string {
	const dir = join(root, 'courses', 'sample');
	cpSync(sample, dir, { recursive: true });
	removeTranslationStamps(dir);
	const quiz = join(dir, '01-start-here', 'getting-started-check.quiz');
	for (const locale of ['bn', 'hi']) rmSync(`${quiz}.${locale}.yaml`, { force: true });
	writeFileSync(`${quiz}.yaml`, CLEAN_QUIZ_YAML);
	return dir;
}
const write = (path: string, text: string) => {
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, text);
};
const lesson = (dir: string) => join(dir, '01-start-here', '01-how-courses-work.mdx');
const check = () => checkCourses(join(root, 'courses'), root);
const body = (front: string, text: string) => `---\n${front}\n---\n\n${text}\n`;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'content-check-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkCourses', () => {
	it('finds no problem in the sample course', async () => {
		course();
		expect(await check()).toEqual([]);
	});

	it('reports a schema error with the file and the line of the bad field', async () => {
		const dir = course();
		write(lesson(dir), body('title: How it works\nminutes: many\nobjectives: [x]', 'Text'));
		const problems = await check();
		expect(problems).toContainEqual(
			expect.objectContaining({
				file: 'courses/sample/01-start-here/01-how-courses-work.mdx',
				line: 3,
			}),
		);
		expect(problems[0]!.message).toMatch(/^minutes: /);
	});

	it('reports a dangling quiz reference', async () => {
		const dir = course();
		write(lesson(dir), body('title: T\nminutes: 5', 'Before\n\n<Quiz id="no-such-quiz" />'));
		const problems = await check();
		expect(problems).toContainEqual({
			file: 'courses/sample/01-start-here/01-how-courses-work.mdx',
			line: 8,
			message: expect.stringContaining('<Quiz id="no-such-quiz"> matches no quiz'),
		});
	});

	it('accepts a solution in its gate folder and reports one outside it or with an unknown gate', async () => {
		const dir = course();
		write(join(dir, 'solutions', 'getting-started-check', 'plan-done.csv'), 'day,minutes\n');
		write(
			lesson(dir),
			body(
				'title: T\nminutes: 5',
				'<Solution file="solutions/plan-done.csv" after="getting-started-check" title="A finished plan" />',
			),
		);
		expect(await check()).toEqual([]);
		write(
			lesson(dir),
			body(
				'title: T\nminutes: 5',
				'<Solution file="solutions/plan-done.csv" after="no-such-quiz" title="A finished plan" />',
			),
		);
		const messages = (await check()).map((p) => p.message);
		expect(messages).toContainEqual(
			expect.stringContaining('does not exist in courses/sample/solutions/no-such-quiz/'),
		);
		expect(messages).toContainEqual(
			expect.stringContaining('<Solution after="no-such-quiz"> matches no quiz or project'),
		);
	});

	it('reports a broken internal link', async () => {
		const dir = course();
		write(
			lesson(dir),
			body(
				'title: T\nminutes: 5',
				'See [the plan](/courses/sample/no-such-lesson) and [home](/courses/sample).',
			),
		);
		const problems = await check();
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toBe('broken link "/courses/sample/no-such-lesson": no such page');
	});

	it('reports a missing image and a missing download', async () => {
		const dir = course();
		write(
			lesson(dir),
			body(
				'title: T\nminutes: 5',
				'<Figure src="images/nope.png" alt="x" />\n\n<Download file="files/nope.xlsx" title="x" />',
			),
		);
		const messages = (await check()).map((p) => p.message);
		expect(messages).toContain(
			'<Figure src="images/nope.png"> is not an image file in courses/sample/ (give a path like images/chart.png)',
		);
		expect(messages).toContain(
			'<Download file="files/nope.xlsx"> does not exist in courses/sample/files/',
		);
	});

	it('reports duplicate lesson slugs and duplicate quiz ids', async () => {
		const dir = course();
		write(join(dir, '02-more', 'unit.yaml'), 'title: More\n');
		write(
			join(dir, '02-more', '01-how-courses-work.mdx'),
			body('title: Again\nminutes: 5', 'Text'),
		);
		cpSync(
			join(dir, '01-start-here', 'getting-started-check.quiz.yaml'),
			join(dir, '02-more', 'getting-started-check.quiz.yaml'),
		);
		const messages = (await check()).map((p) => p.message);
		expect(messages.some((m) => m.startsWith('duplicate lesson slug "how-courses-work"'))).toBe(
			true,
		);
		expect(messages.some((m) => m.startsWith('duplicate quiz id "getting-started-check"'))).toBe(
			true,
		);
	});

	it('reports a quiz question without a correct answer', async () => {
		const dir = course();
		write(
			join(dir, '01-start-here', 'getting-started-check.quiz.yaml'),
			'title: Q\nquestions:\n  - id: a\n    type: single\n    prompt: Which?\n    options:\n      - text: one\n      - text: two\n',
		);
		const problems = await check();
		expect(problems).toContainEqual({
			file: 'courses/sample/01-start-here/getting-started-check.quiz.yaml',
			line: 7,
			message: 'questions.0.options: a single-choice question needs exactly one correct option',
		});
	});

	it('reports a certificate rule that names a missing lesson', async () => {
		const dir = course();
		const text = `---\ntitle: S\nsummary: S\nskillArea: other\nlevel: beginner\nhours: 1\noutcomes: [a]\nskills: [b]\ncertificate:\n  lessons: [how-courses-work, ghost-lesson]\n  quizzes: [getting-started-check]\n---\n`;
		write(join(dir, 'course.md'), text);
		expect(await check()).toContainEqual({
			file: 'courses/sample/course.md',
			line: 10,
			message: 'certificate rule names lesson "ghost-lesson", which does not exist',
		});
	});

	it('reports a misused component with the valid values, and an unknown component', async () => {
		const dir = course();
		write(
			lesson(dir),
			body(
				'title: T\nminutes: 5',
				'<Callout type="danger">\n\nCareful.\n\n</Callout>\n\n<Video src="x" />',
			),
		);
		const messages = (await check()).map((p) => p.message);
		expect(messages).toContain(
			'<Callout> has type="danger"; use one of: type="note", type="tip", type="warning", type="client-tip"',
		);
		expect(messages[1]).toMatch(/^<Video> is not a component of the kit/);
	});

	it('reports MDX syntax errors (a bare brace) with the line', async () => {
		const dir = course();
		write(lesson(dir), body('title: T\nminutes: 5', 'Line one.\n\nUse =SUM{A1 here.'));
		const problems = await check();
		expect(problems).toHaveLength(1);
		expect(problems[0]!.line).toBe(8);
		expect(problems[0]!.message).toMatch(/^MDX syntax: /);
	});

	it('reports item-writing errors at the question line and warnings as warnings', async () => {
		const dir = course();
		const quiz = CLEAN_QUIZ_YAML.replace('draw: 4\n', '')
			.replace('    explanation: Reply-all copies every recipient of the message you answer.\n', '')
			.replace(
				'      - text: Typing status words freely',
				'      - text: Typing status words freely into the cell, each person in their own way and spelling',
			);
		write(join(dir, '01-start-here', 'getting-started-check.quiz.yaml'), quiz);
		const problems = await check();
		const file = 'courses/sample/01-start-here/getting-started-check.quiz.yaml';
		expect(problems).toContainEqual({
			file,
			line: 58,
			message:
				'question "tf-reply": add an explanation (shown after submission: why the answer is right)',
		});
		expect(problems).toContainEqual({
			file,
			line: 4,
			message: expect.stringMatching(/^set draw: /),
		});
		expect(problems).toContainEqual({
			file,
			line: 27,
			severity: 'warning',
			message: expect.stringMatching(/^question "pick-tools": options range from/),
		});
	});

	it('reports every problem, not just the first', async () => {
		const dir = course();
		write(
			lesson(dir),
			body(
				'title: T\nminutes: 5',
				'[a](/courses/nope) [b](/courses/sample/nope)\n\n<Callout type="x">\n\ny\n\n</Callout>',
			),
		);
		write(join(dir, '01-start-here', 'unit.yaml'), 'title: [not, text]\n');
		expect((await check()).length).toBe(4);
	});
});
