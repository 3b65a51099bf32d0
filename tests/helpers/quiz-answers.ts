/**
 * Answers a test (or bench) sends, worked out from what a learner sees (the public questions, in
 * display terms) and the quiz file the test reads itself: right ones and wrong ones. Texts are
 * matched back to the authored quiz, so fixtures need distinct option, item and pair texts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { QuizSchema, type Question, type Quiz } from '../../src/lib/content/schemas.ts';
import type { DisplayAnswer, DisplayAnswers, PublicQuestion } from '../../src/lib/quiz/types.ts';

/** Reads and validates a quiz file. */
export function readQuizFile(path: string): Quiz {
	return QuizSchema.parse(parse(readFileSync(path, 'utf8')));
}

const blanksOf = (text: string) =>
	[...text.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]!.split('|')[0]!.trim());

/** The right answer to one public question. */
export function getRightAnswer(quiz: Quiz, pq: PublicQuestion): DisplayAnswer {
	const q = quiz.questions.find((x) => x.id === pq.id)!;
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const options = (pq as { options: string[] }).options;
			const right = options.flatMap((text, d) =>
				q.options.find((o) => o.text === text)!.correct ? [d] : [],
			);
			return q.type === 'single' ? right[0]! : right;
		}
		case 'true-false':
			return q.answer;
		case 'short-text':
			return q.accept[0]!;
		case 'numeric':
			return String(q.answer);
		case 'ordering': {
			const items = (pq as { items: string[] }).items;
			return q.items.map((item) => items.indexOf(item));
		}
		case 'matching': {
			const { lefts, rights } = pq as { lefts: string[]; rights: string[] };
			return lefts.map((left) => rights.indexOf(q.pairs.find((p) => p.left === left)!.right));
		}
		case 'fill-blanks':
			return blanksOf(q.text);
	}
}

/** A wrong answer to one public question (earns no credit). */
export function getWrongAnswer(quiz: Quiz, pq: PublicQuestion): DisplayAnswer {
	const q: Question = quiz.questions.find((x) => x.id === pq.id)!;
	const right = getRightAnswer(quiz, pq);
	switch (q.type) {
		case 'single':
			return (pq as { options: string[] }).options.findIndex((_, d) => d !== right);
		case 'multiple': {
			// The options that are not keys: an answered, wrong choice ("Incorrect", not "Not answered").
			const keys = right as number[];
			return (pq as { options: string[] }).options
				.map((_, d) => d)
				.filter((d) => !keys.includes(d));
		}
		case 'true-false':
			return !q.answer;
		case 'short-text':
			return 'no idea at all';
		case 'numeric':
			return String(q.answer + q.tolerance + 1000);
		case 'ordering': {
			const order = [...(right as number[])].reverse();
			return order;
		}
		case 'matching':
			return (right as number[]).map(() => null);
		case 'fill-blanks':
			return blanksOf(q.text).map(() => 'zzz');
	}
}

/** Answers to every question: right ones, except those listed in `wrong`. */
export function buildAnswers(
	quiz: Quiz,
	questions: PublicQuestion[],
	wrong: (id: string, index: number) => boolean = () => false,
): DisplayAnswers {
	return Object.fromEntries(
		questions.map((pq, i) => [
			pq.id,
			wrong(pq.id, i) ? getWrongAnswer(quiz, pq) : getRightAnswer(quiz, pq),
		]),
	);
}
