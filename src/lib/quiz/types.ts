/**
 * Shapes shared by the quiz engine (server) and the quiz island (browser). Type-only: importing
 * this module brings no code, and nothing here can hold an answer before submission.
 *
 * "Display terms": options, items and matching choices are named by their DISPLAY POSITION in the
 * attempt (0 = shown first). The attempt's layout, kept on the server, maps positions back to the
 * authored order; the browser never sees authored indexes or correct flags.
 */
import type { Locale } from '../locales.ts';

/** One question as the learner may see it before submitting: no answers, flags or feedback. */
export type PublicQuestion = {
	/** The authored question id (a slug; carries no answer). */
	id: string;
	/** The prompt. For fill-blanks it may be empty (the island shows a default). */
	prompt: string;
	points: number;
} & (
	| { type: 'single' | 'multiple'; options: string[] }
	| { type: 'true-false' | 'short-text' }
	| { type: 'numeric'; unit?: string }
	/** `items` in the attempt's starting order, never the correct one. */
	| { type: 'ordering'; items: string[] }
	/** Every `rights` choice is offered for each of `lefts`. */
	| { type: 'matching'; lefts: string[]; rights: string[] }
	/** The sentence split at its blanks: `parts.length` is the number of blanks + 1. */
	| { type: 'fill-blanks'; parts: string[] }
);

export type QuestionType = PublicQuestion['type'];

/**
 * A learner's answer to each type of question, in display terms:
 * - single: option position; multiple: option positions; true-false: boolean;
 * - short-text, numeric: the text typed;
 * - ordering: item positions in the learner's order (a permutation);
 * - matching: for each left (by position) the chosen right position or null;
 * - fill-blanks: the text typed in each blank.
 */
export interface AnswerByType {
	single: number;
	multiple: number[];
	'true-false': boolean;
	'short-text': string;
	numeric: string;
	ordering: number[];
	matching: (number | null)[];
	'fill-blanks': string[];
}

/** A question of one type. */
export type QuestionOf<T extends QuestionType> = PublicQuestion & { type: T };

/** A learner's answer to one question, in display terms. `null` (or a missing key) is unanswered. */
export type DisplayAnswer = AnswerByType[QuestionType] | null;

export type DisplayAnswers = Record<string, DisplayAnswer>;

/** The graded result of one question, as far as the reveal policy allows. */
export interface QuestionReview {
	id: string;
	prompt: string;
	/** Share of the points earned, 0–1. */
	credit: number;
	/** The learner's answer, written out ("" when unanswered). */
	yourAnswer: string;
	/** A correct answer, written out; absent under the `feedback` reveal level. */
	correctAnswer?: string;
	/** Feedback of the options the learner chose (single-choice only under `feedback`). */
	feedback: string[];
	explanation?: string;
}

/** The result of a submission. `review` is present only when the reveal policy allows. */
export interface QuizResult {
	/** Percent, one decimal. */
	score: number;
	passed: boolean;
	passMark: number;
	/**
	 * What is held back: everything by the policy (`never`), everything until passed
	 * (`after-passing`), or only the correct answers (`answers`: a `feedback` review, until passed
	 * and always in anonymous practice).
	 */
	withheld?: 'never' | 'after-passing' | 'answers';
	review?: QuestionReview[];
	/** The learner's certificate page, when this pass (or an earlier one) earned the course certificate. */
	certificateUrl?: string;
}

/** One row of a learner's attempt history. */
export interface HistoryRow {
	id: string;
	/** Ordinal, 1 for the first attempt. */
	number: number;
	/** Start date, formatted for the page's locale. */
	date: string;
	score: number | null;
	passed: boolean | null;
	state: 'submitted' | 'open' | 'expired';
	/** Link to the attempt's result page. */
	href: string;
}

/** Where a signed-in learner stands with a quiz. */
export interface QuizStatus {
	history: HistoryRow[];
	best: number | null;
	passed: boolean;
	/** Attempts left, or null when unlimited. */
	attemptsLeft: number | null;
	/** Epoch ms until which a new attempt cannot start (cool-down), or null. */
	cooldownUntil: number | null;
}

/** An attempt in progress, as the learner may see it. */
export interface OpenAttempt {
	id: string;
	questions: PublicQuestion[];
	/** Epoch ms; the server refuses submissions after it (plus a short grace). */
	deadlineAt: number | null;
}

/** Interface strings of the island, built on the server for the page's language (keys of `quiz.*`). */
export type QuizStrings = Record<import('./strings.ts').QuizStringKey, string>;

/** Everything the island receives. Serialised into the page: only what the learner may see. */
export interface QuizIslandProps {
	courseSlug: string;
	quizId: string;
	/** Language of the page (strings, numbers) and of the quiz requested from the server. */
	locale: Locale;
	title: string;
	passMark: number;
	display: 'all-at-once' | 'one-at-a-time';
	/** Questions per attempt. */
	questionCount: number;
	timeLimitMinutes: number | null;
	/** `practice` for visitors (graded, not recorded); `learner` when signed in. */
	mode: 'practice' | 'learner';
	/** The quiz page: the no-JavaScript form posts here. */
	action: string;
	/** Sign-in link that comes back to this page. */
	signInUrl: string;
	strings: QuizStrings;
	/** Server time when the page was made (epoch ms), for the timer and cool-down. */
	serverNow: number;
	/** Practice: the layout seed and its questions. */
	practice?: { seed: string; questions: PublicQuestion[] };
	/** Learner: history and limits. */
	status?: QuizStatus;
	/** Learner: whether they are enrolled (starting an attempt enrols them). */
	enrolled?: boolean;
	/** Learner: the attempt in progress. */
	attempt?: OpenAttempt;
	/** A result to show (after a form post, or an earlier attempt's page). */
	result?: QuizResult;
	/** A message from a refused form post. */
	notice?: string;
}
