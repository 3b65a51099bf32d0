import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	lintQuestion,
	lintQuiz,
	verifyAboveOption,
	verifyAnswerInStem,
	verifyStrictlyLongest,
} from '../../src/lib/content/item-lint.ts';
import { QuizSchema, type Quiz } from '../../src/lib/content/schemas.ts';
import { CLEAN_QUIZ_YAML } from '../helpers/clean-quiz.ts';

type RawOption = { text: string; correct?: boolean };
/** The clean quiz's raw data: tuples, so the tests can index what the fixture has. */
type Four<T> = [T, T, T, T, ...T[]];
type RawQuestion = {
	id: string;
	type: string;
	prompt?: string;
	options: Four<RawOption>;
	items: Four<string>;
	accept: string[];
	explanation?: string;
};
type RawQuiz = {
	draw?: number;
	questions: [
		RawQuestion,
		RawQuestion,
		RawQuestion,
		RawQuestion,
		RawQuestion,
		RawQuestion,
		RawQuestion,
		RawQuestion,
		...RawQuestion[],
	];
};

const clean = (): Quiz => QuizSchema.parse(parse(CLEAN_QUIZ_YAML));
/** The clean quiz with some of its raw YAML data changed. */
const quizWith = (change: (raw: RawQuiz) => void): Quiz => {
	const raw = parse(CLEAN_QUIZ_YAML) as RawQuiz;
	change(raw);
	return QuizSchema.parse(raw);
};
const messages = (quiz: Quiz, translation = false) =>
	lintQuiz(quiz, translation).map((p) => `${p.severity}: ${p.message}`);

describe('lintQuiz', () => {
	it('finds nothing in a well-written quiz', () => {
		expect(lintQuiz(clean())).toEqual([]);
	});

	it('reports an error when the correct option is the strictly longest in more than 40 % of single-choice questions', () => {
		const quiz = quizWith((raw) => {
			raw.questions[1]!.options[1]!.text = 'Specific people, named one by one by email address';
		});
		expect(messages(quiz)).toContainEqual(
			expect.stringMatching(
				/^error: the correct option is the longest in 1 of 2 single-choice questions \(50 %.*: pick-share;/,
			),
		);
	});

	it('allows the key to be longest in 40 % of single-choice questions, and only warns in a translation', () => {
		const long = 'Specific people, named one by one by email address';
		const quiz = quizWith((raw) => {
			const share = raw.questions[1];
			const longShare = {
				...share,
				options: share.options.map((o) =>
					o.correct ? { ...o, text: long } : o,
				) as Four<RawOption>,
			};
			raw.questions.push(
				{ ...longShare, id: 'long-a' },
				{ ...longShare, id: 'long-b' },
				{ ...share, id: 'short-c' },
			);
		});
		// Keys strictly longest in long-a and long-b only: 2 of 5 = 40 %.
		expect(messages(quiz).filter((m) => m.includes('longest'))).toEqual([]);
		const heavy = quizWith((raw) => {
			raw.questions[1].options[1].text = 'Specific people, named one by one by email address';
		});
		expect(messages(heavy, true).filter((m) => m.includes('longest'))).toEqual([
			expect.stringMatching(/^warning: /),
		]);
	});

	it('reports a unit quiz with fewer than 4 question types, but not a final', () => {
		const quiz = quizWith((raw) => {
			raw.questions.splice(6, 2); // the short-text and the ordering question
			raw.draw = 3;
		});
		expect(messages(quiz)).toContainEqual(
			'error: a unit quiz needs at least 4 question types; this one has 3 (single, multiple, true-false)',
		);
		const final = QuizSchema.parse({
			...(parse(CLEAN_QUIZ_YAML) as object),
			final: true,
			questions: quiz.questions,
		});
		expect(messages({ ...final, draw: 3 }).filter((m) => m.includes('types'))).toEqual([]);
	});

	it('reports a missing draw and a pool smaller than twice the draw', () => {
		expect(messages(quizWith((raw) => delete raw.draw))).toContainEqual(
			expect.stringMatching(/^error: set draw: .*pool has 8, so draw: 4 at most/),
		);
		expect(messages(quizWith((raw) => (raw.draw = 5)))).toContainEqual(
			'error: draw is 5 but the pool has 8 questions; it needs at least 10 (2 × draw) so attempts need not repeat questions',
		);
	});

	it('warns when every choose-all question has the same number of correct options or mostly a majority', () => {
		const same = quizWith((raw) => {
			raw.questions[2].options[1].correct = true;
		});
		expect(messages(same)).toContainEqual(
			'warning: every "choose all that apply" question has 2 correct options; vary the number so it cannot be guessed',
		);
		const majority = quizWith((raw) => {
			raw.questions[2].options[1].correct = true;
			raw.questions[2].options[2].correct = true;
			raw.questions[3].options[2].correct = true;
		});
		expect(messages(majority)).toContainEqual(
			expect.stringMatching(
				/^warning: 2 of 2 "choose all that apply" questions have more correct options than wrong ones/,
			),
		);
		expect(messages(clean()).filter((m) => m.includes('choose all'))).toEqual([]);
	});

	it('warns when an explanation quotes the answer under reveal: feedback, and not under other policies', () => {
		const quoting = (reveal: string) =>
			quizWith((raw) => {
				(raw as RawQuiz & { reveal: string }).reveal = reveal;
				raw.questions[6]!.explanation = 'Hold Ctrl and press T to make a table.';
			});
		expect(messages(quoting('feedback'))).toEqual([
			'warning: question "typed-shortcut": the explanation quotes the answer "Ctrl", which reveal: feedback shows after a failed attempt; explain the rule instead',
		]);
		expect(messages(quoting('after-passing'))).toEqual([]);
	});

	it('leaves structural rules to the English quiz when linting a translation', () => {
		expect(
			messages(
				quizWith((raw) => delete raw.draw),
				true,
			),
		).toEqual([]);
	});
});

describe('lintQuestion', () => {
	const question = (index: number, change: (q: RawQuestion) => void) =>
		quizWith((raw) => change(raw.questions[index]!)).questions[index]!;

	it('reports a question without an explanation', () => {
		expect(lintQuestion(question(4, (q) => delete q.explanation))).toEqual([
			{
				severity: 'error',
				message:
					'question "tf-paste": add an explanation (shown after submission: why the answer is right)',
			},
		]);
	});

	it('reports "all of the above" and "none of the above" in English, Bengali and Hindi', () => {
		for (const text of [
			'All of the above',
			'None of these',
			'উপরের সবগুলো',
			'উপরের কোনোটিই নয়',
			'उपरोक्त सभी',
			'इनमें से कोई नहीं',
		]) {
			const problems = lintQuestion(question(0, (q) => (q.options[2].text = text)));
			expect(problems, text).toContainEqual({
				severity: 'error',
				message: `question "pick-format": option "${text}" is an "all/none of the above" option; write a real distractor instead`,
			});
		}
	});

	it('reports duplicate options, ignoring case and spacing but not punctuation', () => {
		expect(
			lintQuestion(question(0, (q) => (q.options[2].text = 'put the city  in its own column.'))),
		).toContainEqual({
			severity: 'error',
			message: 'question "pick-format": option "put the city  in its own column." appears twice',
		});
		const formulas = question(0, (q) => {
			q.options[1].text = '=IF(K2>=5,"Free","Charge")';
			q.options[2].text = '=IF("K2>=5","Free","Charge")';
		});
		expect(lintQuestion(formulas).filter((p) => p.message.includes('twice'))).toEqual([]);
	});

	it('reports duplicate ordering items and matching choices', () => {
		expect(
			lintQuestion(question(7, (q) => (q.items[3] = 'Insert the merge fields')))[0]!.message,
		).toBe('question "steps-merge": item "Insert the merge fields" appears twice');
		const q = QuizSchema.parse({
			title: 'm',
			questions: [
				{
					id: 'm',
					type: 'matching',
					prompt: 'Match',
					explanation: 'x',
					pairs: [
						{ left: 'a', right: 'Text' },
						{ left: 'b', right: 'text' },
					],
				},
			],
		}).questions[0]!;
		expect(lintQuestion(q)).toEqual([
			{
				severity: 'error',
				message:
					'question "m": right-hand side "text" appears twice; a choice can only be right for one prompt',
			},
		]);
	});

	it('warns about options of very unequal length', () => {
		const problems = lintQuestion(
			question(
				1,
				(q) =>
					(q.options[0].text =
						'People in the client organisation, which can mean thousands of staff'),
			),
		);
		expect(problems).toEqual([
			{
				severity: 'warning',
				message:
					'question "pick-share": options range from 25 to 68 characters; make them similar in length so length gives nothing away',
			},
		]);
	});

	it('reports a short-text answer that appears in the prompt, even as part of a longer word', () => {
		const problems = lintQuestion(
			question(6, (q) => {
				q.prompt =
					'A client asks you to add comments to her draft. Which Review button do you use?';
				q.accept = ['Comment', 'New Comment'];
			}),
		);
		expect(problems).toEqual([
			{
				severity: 'error',
				message: 'question "typed-shortcut": the accepted answer "Comment" appears in the prompt',
			},
		]);
	});

	it('reports a fill-in answer that appears in the rest of its text', () => {
		const q = QuizSchema.parse({
			title: 'f',
			questions: [
				{
					id: 'f',
					type: 'fill-blanks',
					explanation: 'x',
					text: 'If a route is blocked, take a [[different route|detour]]: a different route avoids the jam.',
				},
			],
		}).questions[0]!;
		expect(lintQuestion(q)).toEqual([
			{
				severity: 'error',
				message:
					'question "f": the blank\'s answer "different route" appears in the rest of the text',
			},
		]);
	});
});

describe('verifyAnswerInStem', () => {
	it('matches normalised runs of words and word beginnings, not fragments of short words', () => {
		expect(verifyAnswerInStem('Take a Different-Route home', 'a different route')).toBe(true);
		expect(verifyAnswerInStem('নতুন কলমে লিখুন', 'কলম')).toBe(true);
		expect(verifyAnswerInStem('Press Ctrl and T', 'Tab')).toBe(false);
		expect(verifyAnswerInStem('Send it to them', 'to')).toBe(true);
		expect(verifyAnswerInStem('Send it today', 'to')).toBe(false);
	});
});

describe('verifyAboveOption', () => {
	it('does not flag ordinary options that mention "above"', () => {
		expect(verifyAboveOption('The row above the header')).toBe(false);
		expect(verifyAboveOption('সব কলাম একসাথে')).toBe(false);
		expect(verifyAboveOption('Both of the above')).toBe(true);
	});
});

describe('verifyStrictlyLongest', () => {
	it('counts Bengali and Hindi length in characters as read, and ties as not strictly longest', () => {
		expect(verifyStrictlyLongest(['abc', 'abcd'], 1)).toBe(true);
		expect(verifyStrictlyLongest(['abcd', 'abcd'], 1)).toBe(false);
		// কি is two code points but one character as read.
		expect(verifyStrictlyLongest(['কিকি', 'abc'], 0)).toBe(false);
	});
});
