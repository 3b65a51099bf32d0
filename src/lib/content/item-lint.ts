/**
 * Item-writing lint: the rules of good multiple-choice writing that a guesser or a test-wise
 * learner would otherwise exploit, checked on every quiz by `npm run content:check`.
 *
 * Errors fail the check; warnings are printed with file and line and do not.
 *
 * Per quiz (English and translations):
 * - `all/none of the above` and their Bengali/Hindi wordings as an option (error);
 * - duplicate options, ordering items or matching sides within one question (error);
 * - a short-text or fill-in answer that appears in its own stem (error);
 * - a question without an explanation (error);
 * - options of very unequal length within one question (warning);
 * - under `reveal: feedback`, an explanation that quotes the correct answer (warning);
 * - the correct option strictly the longest in more than 40 % of the single-choice questions
 *   (error in English; a warning in a translation, whose lengths the translator controls less).
 * Per English quiz only (translations share its structure):
 * - `choose all that apply` questions that all have the same number of correct options, or that
 *   mostly have more correct options than wrong ones (warning);
 * - a unit quiz with fewer than 4 question types (error);
 * - no `draw`, or a pool smaller than twice the draw (error): every attempt must draw N of at
 *   least 2N questions so that consecutive attempts need not repeat questions.
 */
import type { Question, Quiz } from './schemas.ts';
import { normaliseText } from '../quiz/normalise.ts';

export interface ItemProblem {
	/** Index of the question in `quiz.questions`, or undefined for a problem of the whole quiz. */
	question?: number;
	/** The top-level field of the quiz the problem is about (e.g. `draw`), when not a question. */
	field?: string;
	severity: 'error' | 'warning';
	message: string;
}

/** Share of single-choice questions whose correct option may be the strictly longest. */
export const MAX_LONGEST_CORRECT_SHARE = 0.4;
/** An item's longest option may be at most this many times its shortest (and 20 characters more). */
export const MAX_LENGTH_RATIO = 2.5;
const MIN_LENGTH_GAP = 20;
/** Question types a unit quiz needs at least. */
export const MIN_UNIT_TYPES = 4;

/**
 * "All of the above", "none of these", "both of the above" and the like, in English, Bengali and
 * Hindi. Tested on option texts.
 */
const ABOVE = [
	/\b(all|none|both|neither|any) of (the )?(above|these|those|the (above|options|answers))\b/i,
	/\ball the above\b/i,
	/\babove (are|is) (all )?(correct|right|true)\b/i,
	/(উপরের|ওপরের|উপরোক্ত)\s*(সবগুলো|সবগুলি|সবকটি|সবকটা|সব|সকল|সবই|কোনোটি|কোনটি|কোনোটাই|কোনটাই|কোনোটিই|কোনটিই|দুটো|দুটি|দুটোই)/u,
	/(এগুলোর|এগুলির|এদের)\s*(সবগুলো|সবই|কোনোটিই|কোনটিই|কোনোটাই|কোনটাই)/u,
	/^\s*(সবগুলো|সবগুলোই|সবকটি|কোনোটিই নয়|কোনটিই নয়|কোনোটাই না|কোনটাই না)\s*$/u,
	/(उपरोक्त|उपर्युक्त|ऊपर के|ऊपर दिए गए?|ऊपर लिखे)\s*(सभी|सब|सारे|कोई नहीं|में से कोई|में से सभी|दोनों)/u,
	/(इनमें|इन) (से )?(सभी|कोई नहीं|कोई भी नहीं|दोनों)/u,
	/^\s*(सभी|सभी सही|कोई नहीं|कोई भी नहीं)\s*$/u,
];

/** True when an option text is an "all/none of the above" option. */
export function verifyAboveOption(text: string): boolean {
	return ABOVE.some((re) => re.test(text.normalize('NFC')));
}

/** Length in user-perceived characters (graphemes), so Bengali and Hindi compare fairly. */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
export function getTextLength(text: string): number {
	let n = 0;
	for (const _ of segmenter.segment(text.trim())) n++;
	return n;
}

/** True when option `index` is strictly longer than every other option. */
export function verifyStrictlyLongest(texts: string[], index: number): boolean {
	const lengths = texts.map(getTextLength);
	return lengths.every((l, i) => i === index || l < lengths[index]!);
}

const words = (text: string) => normaliseText(text).split(' ').filter(Boolean);

/**
 * True when `answer` appears in `stem` as a run of words, normalised (case, punctuation, Unicode
 * form, digits). A stem word may extend an answer word of 3+ characters ("comments" gives away
 * "Comment", "কলমে" gives away "কলম").
 */
export function verifyAnswerInStem(stem: string, answer: string): boolean {
	const a = words(answer);
	const s = words(stem);
	if (a.length === 0) return false;
	const fits = (sw: string, aw: string) => sw === aw || ([...aw].length >= 3 && sw.startsWith(aw));
	for (let i = 0; i + a.length <= s.length; i++) if (a.every((aw, j) => fits(s[i + j]!, aw))) return true;
	return false;
}

/** The accepted answers of each blank and the text around the blanks. */
function splitBlanks(text: string): { stem: string; blanks: string[][] } {
	const blanks: string[][] = [];
	const stem = text.replace(/\[\[([^\]]+)\]\]/g, (_, alts: string) => {
		blanks.push(alts.split('|').map((x) => x.trim()).filter(Boolean));
		return ' … ';
	});
	return { stem, blanks };
}

/** Case, spacing, Unicode form and a final full stop or danda ignored; other punctuation kept
 * (`=IF(A1>5,"x")` and `=IF("A1>5","x")` are different options). */
const getDuplicateKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim().replace(/[.।]$/u, '').trim();

function findDuplicates(texts: string[]): string[] {
	const seen = new Map<string, string>();
	const out: string[] = [];
	for (const t of texts) {
		const key = getDuplicateKey(t);
		if (seen.has(key)) out.push(t);
		else seen.set(key, t);
	}
	return out;
}

/** The problems of one question, independent of the rest of the quiz. */
export function lintQuestion(q: Question): Omit<ItemProblem, 'question'>[] {
	const out: Omit<ItemProblem, 'question'>[] = [];
	const error = (message: string) => out.push({ severity: 'error', message: `question "${q.id}": ${message}` });
	const warn = (message: string) => out.push({ severity: 'warning', message: `question "${q.id}": ${message}` });
	if (!q.explanation) error('add an explanation (shown after submission: why the answer is right)');
	if (q.type === 'single' || q.type === 'multiple') {
		const texts = q.options.map((o) => o.text);
		for (const t of texts.filter(verifyAboveOption)) error(`option "${t}" is an "all/none of the above" option; write a real distractor instead`);
		for (const t of findDuplicates(texts)) error(`option "${t}" appears twice`);
		const lengths = texts.map(getTextLength);
		const [min, max] = [Math.min(...lengths), Math.max(...lengths)];
		if (max > MAX_LENGTH_RATIO * min && max - min >= MIN_LENGTH_GAP) {
			warn(`options range from ${min} to ${max} characters; make them similar in length so length gives nothing away`);
		}
	}
	if (q.type === 'ordering') for (const t of findDuplicates(q.items)) error(`item "${t}" appears twice`);
	if (q.type === 'matching') {
		for (const t of findDuplicates(q.pairs.map((p) => p.left))) error(`left-hand side "${t}" appears twice`);
		for (const t of findDuplicates(q.pairs.map((p) => p.right))) error(`right-hand side "${t}" appears twice; a choice can only be right for one prompt`);
	}
	if (q.type === 'short-text') {
		for (const a of q.accept) if (verifyAnswerInStem(q.prompt, a)) error(`the accepted answer "${a}" appears in the prompt`);
	}
	if (q.type === 'fill-blanks') {
		const { stem, blanks } = splitBlanks(q.text);
		const fullStem = `${q.prompt ?? ''} ${stem}`;
		for (const a of blanks.flat()) if (verifyAnswerInStem(fullStem, a)) error(`the blank's answer "${a}" appears in the rest of the text`);
	}
	return out;
}

/** Ids of the single-choice questions whose correct option is strictly the longest. */
export function listLongestCorrect(quiz: Quiz): { ids: string[]; total: number } {
	const singles = quiz.questions.filter((q) => q.type === 'single');
	const ids = singles
		.filter((q) => verifyStrictlyLongest(q.options.map((o) => o.text), q.options.findIndex((o) => o.correct)))
		.map((q) => q.id);
	return { ids, total: singles.length };
}

function lintLongestCorrect(quiz: Quiz, translation: boolean): ItemProblem[] {
	const { ids, total } = listLongestCorrect(quiz);
	if (total === 0 || ids.length / total <= MAX_LONGEST_CORRECT_SHARE) return [];
	const share = Math.round((ids.length / total) * 100);
	return [
		{
			field: 'questions',
			severity: translation ? 'warning' : 'error',
			message: `the correct option is the longest in ${ids.length} of ${total} single-choice questions (${share} %, at most ${MAX_LONGEST_CORRECT_SHARE * 100} %): ${ids.join(', ')}; lengthen distractors or shorten keys`,
		},
	];
}

function lintMultipleCounts(quiz: Quiz): ItemProblem[] {
	const multi = quiz.questions.filter((q) => q.type === 'multiple');
	if (multi.length < 2) return [];
	const counts = multi.map((q) => q.options.filter((o) => o.correct).length);
	const majority = multi.filter((q, i) => counts[i]! > q.options.length - counts[i]!).length;
	const out: ItemProblem[] = [];
	if (counts.every((c) => c === counts[0])) {
		out.push({ field: 'questions', severity: 'warning', message: `every "choose all that apply" question has ${counts[0]} correct options; vary the number so it cannot be guessed` });
	}
	if (majority * 2 > multi.length) {
		out.push({ field: 'questions', severity: 'warning', message: `${majority} of ${multi.length} "choose all that apply" questions have more correct options than wrong ones, so ticking most options pays; vary it` });
	}
	return out;
}

function lintPool(quiz: Quiz): ItemProblem[] {
	const pool = quiz.questions.length;
	if (quiz.draw === undefined) {
		return [{ field: 'questions', severity: 'error', message: `set draw: every attempt should draw N of at least 2N questions (the pool has ${pool}, so draw: ${Math.max(1, Math.floor(pool / 2))} at most)` }];
	}
	if (pool < 2 * quiz.draw) {
		return [{ field: 'draw', severity: 'error', message: `draw is ${quiz.draw} but the pool has ${pool} questions; it needs at least ${2 * quiz.draw} (2 × draw) so attempts need not repeat questions` }];
	}
	return [];
}

function lintTypes(quiz: Quiz): ItemProblem[] {
	if (quiz.final) return [];
	const types = new Set(quiz.questions.map((q) => q.type));
	if (types.size >= MIN_UNIT_TYPES) return [];
	return [{ field: 'questions', severity: 'error', message: `a unit quiz needs at least ${MIN_UNIT_TYPES} question types; this one has ${types.size} (${[...types].join(', ')})` }];
}

/** The answers of a question an explanation should not quote under `reveal: feedback`. */
function listKeyTexts(q: Question): string[] {
	if (q.type === 'single' || q.type === 'multiple') return q.options.filter((o) => o.correct).map((o) => o.text);
	if (q.type === 'short-text') return q.accept;
	if (q.type === 'fill-blanks') return splitBlanks(q.text).blanks.flat();
	return [];
}

/** The correct answer a question's explanation quotes (normalised, as a run of words), if any. */
export function getQuotedKey(q: Question): string | undefined {
	return listKeyTexts(q).find((key) => q.explanation && verifyAnswerInStem(q.explanation, key));
}

/**
 * Under `reveal: feedback` a failed attempt shows the explanation but not the key, so an
 * explanation that quotes the correct answer hands it out (warning).
 */
function lintFeedbackExplanations(quiz: Quiz): ItemProblem[] {
	if (quiz.reveal !== 'feedback') return [];
	const out: ItemProblem[] = [];
	quiz.questions.forEach((q, question) => {
		const quoted = getQuotedKey(q);
		if (quoted) out.push({ question, severity: 'warning', message: `question "${q.id}": the explanation quotes the answer "${quoted}", which reveal: feedback shows after a failed attempt; explain the rule instead` });
	});
	return out;
}

/**
 * Every item-writing problem of a quiz. `translation` marks a bn/hi file: structural rules (pool,
 * types, multi-select counts) are left to the English quiz it must match.
 */
export function lintQuiz(quiz: Quiz, translation = false): ItemProblem[] {
	const out: ItemProblem[] = [];
	quiz.questions.forEach((q, question) => {
		for (const p of lintQuestion(q)) out.push({ ...p, question });
	});
	out.push(...lintLongestCorrect(quiz, translation), ...lintFeedbackExplanations(quiz));
	if (!translation) out.push(...lintMultipleCounts(quiz), ...lintTypes(quiz), ...lintPool(quiz));
	return out;
}
