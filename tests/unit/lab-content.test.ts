/**
 * The content check for labs: problems in a lab file, in a translation, in a `<Lab>` embed and in
 * the certificate rule are reported with file and line; every variant is validated.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCourses } from '../../src/lib/content/check.ts';
import { removeTranslationStamps } from '../helpers/unstamp.ts';

const sample = join(import.meta.dirname, '..', '..', 'courses', 'client-communication');
let root: string;
const unit = () => join(root, 'courses', 'sample', '01-winning-the-work');
const labFile = () => join(unit(), 'proposal-first-name.lab.yaml');
const check = () => checkCourses(join(root, 'courses'), root);
const edit = (path: string, from: string | RegExp, to: string) =>
	writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
const rel = (path: string) => path.slice(root.length + 1);

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'lab-check-'));
	mkdirSync(join(root, 'courses'));
	cpSync(sample, join(root, 'courses', 'sample'), { recursive: true });
	removeTranslationStamps(join(root, 'courses', 'sample'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkCourses (labs)', () => {
	it('finds no problem in the course with its labs', async () => {
		expect(await check()).toEqual([]);
	});
	it('reports a bad rule field with the line it is on', async () => {
		edit(labFile(), '      min: 80\n      max: 180', '      min: 80\n      max: lots');
		const problems = await check();
		const line =
			readFileSync(labFile(), 'utf8')
				.split('\n')
				.findIndex((l) => l.includes('max: lots')) + 1;
		expect(problems).toContainEqual({
			file: rel(labFile()),
			line,
			message: expect.stringMatching(/^proposal\.rules\.3\.max: /),
		});
	});
	it('reports a variant that breaks the schema, naming the variant', async () => {
		edit(labFile(), 'buyer: [Priya, Grace, Olivia]', "buyer: [Priya, Grace, '']");
		edit(
			labFile(),
			"    client: '{{buyer}} M., independent HR consultant, Toronto'",
			"    client: '{{buyer}}'",
		);
		const problems = await check();
		expect(
			problems.some((p) => p.file === rel(labFile()) && p.message.includes('variant 3: buyer=')),
		).toBe(true);
	});
	it('reports variable lists of different lengths', async () => {
		edit(
			labFile(),
			'buyer: [Priya, Grace, Olivia]',
			'buyer: [Priya, Grace, Olivia]\n  city: [Toronto]',
		);
		expect(
			(await check()).some((p) =>
				p.message.startsWith('variables: every variable needs the same number of values'),
			),
		).toBe(true);
	});
	it('reports a <Lab> that names no lab, with the lesson line', async () => {
		const lesson = join(unit(), '04-proposal-practice.mdx');
		edit(lesson, '<Lab id="proposal-first-name" />', '<Lab id="no-such-lab" />');
		const line =
			readFileSync(lesson, 'utf8')
				.split('\n')
				.findIndex((l) => l.includes('no-such-lab')) + 1;
		expect(await check()).toContainEqual({
			file: rel(lesson),
			line,
			message: expect.stringContaining('<Lab id="no-such-lab"> matches no lab'),
		});
	});
	it('reports a certificate rule that names a missing lab', async () => {
		const course = join(root, 'courses', 'sample', 'course.md');
		edit(course, 'labs: [proposal-planted-instructions]', 'labs: [proposal-missing]');
		expect(await check()).toContainEqual(
			expect.objectContaining({
				file: rel(course),
				message: 'certificate rule names lab "proposal-missing", which does not exist',
			}),
		);
	});
	it('reports a translation whose rules differ from the English lab', async () => {
		const tr = join(unit(), 'proposal-first-name.lab.bn.yaml');
		writeFileSync(
			tr,
			readFileSync(labFile(), 'utf8').replace('- id: time-difference', '- id: time-gap'),
		);
		const problems = (await check()).filter((p) => p.file === rel(tr));
		expect(problems.map((p) => p.message)).toEqual([
			'translation lacks rule "time-difference"',
			'translation has rule "time-gap", which English does not',
		]);
	});
});
