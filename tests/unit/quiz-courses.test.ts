/**
 * Every quiz in courses/ (and the test fixtures) through the engine: right answers score 100, wrong
 * ones 0, the public view holds none of the quiz's feedback, explanations or correct flags, and
 * translations lay out like their English quiz.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeAttempt } from '../../src/lib/quiz/grading.ts';
import { createLayout, toPublicQuestions, verifyLayoutFits } from '../../src/lib/quiz/layout.ts';
import { buildAnswers, readQuizFile } from '../helpers/quiz-answers.ts';

const root = join(import.meta.dirname, '..', '..');
const files: string[] = [];
// QUIZ_COURSES_DIR checks another course folder (e.g. work in progress elsewhere).
for (const base of [
	process.env.QUIZ_COURSES_DIR ?? join(root, 'courses'),
	join(root, 'tests', 'fixtures', 'courses'),
]) {
	if (!existsSync(base)) continue;
	for (const course of readdirSync(base)) {
		const dir = join(base, course);
		if (!existsSync(join(dir, 'course.md'))) continue;
		for (const unit of readdirSync(dir).filter((d) => /^\d+[-_]/.test(d))) {
			for (const file of readdirSync(join(dir, unit)))
				if (/\.quiz\.(bn\.|hi\.)?yaml$/.test(file)) files.push(join(dir, unit, file));
		}
	}
}

describe.each(files.map((f) => [f.replace(/^.*?(courses\/)/, '$1'), f]))('%s', (_, file) => {
	const quiz = readQuizFile(file);

	it('scores right answers 100 and wrong answers 0 in every layout', () => {
		for (let i = 0; i < 10; i++) {
			const layout = createLayout(quiz, `course-${i}`);
			const pqs = toPublicQuestions(quiz, layout);
			expect(gradeAttempt(quiz, layout, buildAnswers(quiz, pqs), quiz.passMark).score).toBe(100);
			expect(
				gradeAttempt(
					quiz,
					layout,
					buildAnswers(quiz, pqs, () => true),
					quiz.passMark,
				).score,
			).toBe(0);
		}
	});

	it('shows no feedback, explanation or correct flag before submission', () => {
		const secrets = quiz.questions
			.flatMap((q) => [q.explanation, ...('options' in q ? q.options.map((o) => o.feedback) : [])])
			.filter((s): s is string => Boolean(s));
		for (let i = 0; i < 10; i++) {
			const json = JSON.stringify(toPublicQuestions(quiz, createLayout(quiz, `view-${i}`)));
			for (const key of [
				'"correct"',
				'"answer"',
				'"accept"',
				'"feedback"',
				'"explanation"',
				'"pairs"',
				'"text"',
			])
				expect(json).not.toContain(key);
			for (const secret of secrets) expect(json).not.toContain(JSON.stringify(secret).slice(1, -1));
		}
	});

	it.runIf(/\.quiz\.(bn|hi)\.yaml$/.test(file))('lays out like its English quiz', () => {
		const english = readQuizFile(file.replace(/\.quiz\.(bn|hi)\.yaml$/, '.quiz.yaml'));
		expect(verifyLayoutFits(quiz, createLayout(english, 'tr'))).toBe(true);
	});
});
