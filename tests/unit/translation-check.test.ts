import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCourses } from '../../src/lib/content/check.ts';
import { CLEAN_QUIZ_YAML } from '../helpers/clean-quiz.ts';
import { checkTranslationText, loadGlossary } from '../../src/lib/content/translations.ts';
import { removeTranslationStamps } from '../helpers/unstamp.ts';

const repo = join(import.meta.dirname, '..', '..');
const sample = join(repo, 'courses', 'getting-started');
let root: string;

/** A copy of the sample course (with the real glossaries) in a temporary repository. */
function course(): string {
	const dir = join(root, 'courses', 'sample');
	cpSync(sample, dir, { recursive: true });
	removeTranslationStamps(dir);
	const quiz = join(dir, '01-start-here', 'getting-started-check.quiz');
	for (const locale of ['bn', 'hi']) rmSync(`${quiz}.${locale}.yaml`, { force: true });
	writeFileSync(`${quiz}.yaml`, CLEAN_QUIZ_YAML);
	mkdirSync(join(root, 'content', 'i18n'), { recursive: true });
	for (const l of ['bn', 'hi'])
		cpSync(
			join(repo, 'content', 'i18n', `glossary.${l}.yaml`),
			join(root, 'content', 'i18n', `glossary.${l}.yaml`),
		);
	return dir;
}
const unit = (dir: string) => join(dir, '01-start-here');
const lessonBn = (dir: string) => join(unit(dir), '01-how-courses-work.bn.mdx');
const check = async () =>
	(await checkCourses(join(root, 'courses'), root)).filter((p) => p.severity === 'warning');
const stamp = (...files: string[]) =>
	execFileSync(process.execPath, [join(repo, 'scripts', 'translation-stamp.ts'), '--', ...files], {
		cwd: root,
		encoding: 'utf8',
	});

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'translation-check-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('stale translations', () => {
	it('warns only after the English file changes since the translation was stamped', async () => {
		const dir = course();
		const before = readFileSync(lessonBn(dir), 'utf8');
		expect(stamp(lessonBn(dir))).toMatch(/translatedFrom sha256:[0-9a-f]{12}/);
		const after = readFileSync(lessonBn(dir), 'utf8');
		// The stamp is one added frontmatter line; nothing else in the file changes.
		expect(after.split('\n')[1]).toMatch(/^translatedFrom: sha256:[0-9a-f]{12}$/);
		expect(after.split('\n').toSpliced(1, 1).join('\n')).toBe(before);
		expect((await check()).filter((p) => p.message.includes('stale'))).toEqual([]);

		const english = join(unit(dir), '01-how-courses-work.mdx');
		writeFileSync(
			english,
			readFileSync(english, 'utf8') + '\nA new paragraph the translation does not have.\n',
		);
		expect(await check()).toContainEqual({
			file: 'courses/sample/01-start-here/01-how-courses-work.bn.mdx',
			line: 2,
			severity: 'warning',
			message: expect.stringMatching(
				/^translation of courses\/sample\/01-start-here\/01-how-courses-work\.mdx is stale — the English changed since it was translated/,
			),
		});

		// Re-stamping after updating the translation clears it, and changes only that line.
		stamp(lessonBn(dir));
		expect((await check()).filter((p) => p.message.includes('stale'))).toEqual([]);
		expect(readFileSync(lessonBn(dir), 'utf8').split('\n').toSpliced(1, 1).join('\n')).toBe(before);
	});

	it('stamps a YAML translation with a top-level key and checks it the same way', async () => {
		const dir = course();
		const file = join(unit(dir), 'unit.hi.yaml');
		const before = readFileSync(file, 'utf8');
		stamp(file);
		expect(readFileSync(file, 'utf8')).toBe(
			`translatedFrom: ${/sha256:[0-9a-f]{12}/.exec(readFileSync(file, 'utf8'))![0]}\n${before}`,
		);
		expect((await check()).filter((p) => p.message.includes('stale'))).toEqual([]);
		writeFileSync(
			join(unit(dir), 'unit.yaml'),
			readFileSync(join(unit(dir), 'unit.yaml'), 'utf8').replace('title:', 'title: Changed'),
		);
		expect(await check()).toContainEqual(
			expect.objectContaining({
				file: 'courses/sample/01-start-here/unit.hi.yaml',
				line: 1,
				message: expect.stringContaining('is stale'),
			}),
		);
	});
});

describe('glossary check', () => {
	it('names the file, the line and the chosen term when a translation uses a variant to avoid', async () => {
		const dir = course();
		const lines = readFileSync(lessonBn(dir), 'utf8').split('\n');
		const at = lines.length;
		writeFileSync(lessonBn(dir), [...lines, 'এই লেসনে আমরা একটি টেবিল বানাব।', ''].join('\n'));
		const problems = (await check()).filter((p) => p.message.includes('glossary'));
		expect(problems).toEqual([
			{
				file: 'courses/sample/01-start-here/01-how-courses-work.bn.mdx',
				line: at + 1,
				severity: 'warning',
				message: expect.stringContaining('the glossary says "পাঠ" for "lesson", not "লেসন"'),
			},
		]);
	});

	it('does not mistake another word that starts the same way for the variant', async () => {
		const dir = course();
		// "রো" (row) is to be avoided, but রোজ (daily) and রোগী (patient) are other words.
		writeFileSync(
			lessonBn(dir),
			readFileSync(lessonBn(dir), 'utf8') + '\nরোজ সকালে রোগীর তালিকা দেখুন।\n',
		);
		expect((await check()).filter((p) => p.message.includes('glossary'))).toEqual([]);
	});
});

describe('glossary terms limited to some courses', () => {
	it('flags সেল (cell) in an Excel lesson but not as "sale" in a social media lesson', () => {
		const glossary = loadGlossary(join(repo, 'content', 'i18n', 'glossary.bn.yaml'))!;
		const text = '---\ntitle: T\n---\n\nঈদের সেলের পোস্ট আজ সন্ধ্যায় যাবে।\n';
		const excel = checkTranslationText(text, 'courses/excel/01-x/01-y.bn.mdx', glossary);
		expect(excel).toEqual([
			expect.objectContaining({
				line: 5,
				message: expect.stringContaining('the glossary says "ঘর" for "cell"'),
			}),
		]);
		expect(
			checkTranslationText(text, 'courses/social-media-management/01-x/01-y.bn.mdx', glossary),
		).toEqual([]);
	});
});

describe('answers a learner may type', () => {
	it('accepts spelling variants in proposal-lab keyword groups and cloze blanks, but not in prose beside them', () => {
		const glossary = loadGlossary(join(repo, 'content', 'i18n', 'glossary.hi.yaml'))!;
		const lab =
			'rules:\n  - id: tz\n    label: टाइम ज़ोन बताना\n    groups:\n    - - टाइम ज़ोन\n      - टाइम जोन\n      - समय क्षेत्र\n';
		expect(checkTranslationText(lab, 'courses/x/01-y/z.lab.hi.yaml', glossary)).toEqual([]);
		const quiz =
			"questions:\n  - id: q\n    text: 'अपना [[टाइम ज़ोन|टाइम जोन|time zone]] लिखें।'\n    explanation: टाइम जोन ग़लत लिखा।\n";
		expect(checkTranslationText(quiz, 'courses/x/01-y/z.quiz.hi.yaml', glossary)).toEqual([
			expect.objectContaining({ line: 4 }),
		]);
	});
});

describe('digits rule', () => {
	const prose = 'প্রতিদিন ৩০ মিনিট অনুশীলন করুন, সপ্তাহে ৫ দিন।';
	it('ignores Latin digits in code, formulas, cell references, shortcuts, URLs, times and component attributes', async () => {
		const dir = course();
		const extra = [
			prose,
			'',
			'ঘরে `=SUM(B2:B40)` লিখুন, তারপর B2 ঘরে 9:30 লিখে <Kbd win="Ctrl+1" mac="Cmd+1" /> চাপুন।',
			'তারপর Hours ঘরে `0.75` আর `22` লিখুন।',
			'দেখুন https://support.microsoft.com/excel-2024 পাতাটি, আর Excel 2021 বা Ctrl+Shift+L।',
			'',
			'```',
			'Total: 1250 taka, 12 rows',
			'```',
			'',
			'<Quiz id="getting-started-check" draw="5" />',
		];
		writeFileSync(
			lessonBn(dir),
			readFileSync(lessonBn(dir), 'utf8') + '\n' + extra.join('\n') + '\n',
		);
		expect((await check()).filter((p) => p.message.includes('digits'))).toEqual([]);
	});

	it('warns on Latin digits in the prose of a file that otherwise uses Bengali digits', async () => {
		const dir = course();
		const lines = readFileSync(lessonBn(dir), 'utf8').split('\n');
		writeFileSync(lessonBn(dir), [...lines, prose, 'তারপর 15 মিনিট বিরতি নিন।', ''].join('\n'));
		expect((await check()).filter((p) => p.message.includes('digits'))).toEqual([
			{
				file: 'courses/sample/01-start-here/01-how-courses-work.bn.mdx',
				line: lines.length + 2,
				severity: 'warning',
				message: expect.stringContaining('digits 15 in prose'),
			},
		]);
	});
});
