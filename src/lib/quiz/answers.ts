/**
 * Reading a learner's answers, from JSON (the island) or from a plain form post (no JavaScript),
 * and checking them against the attempt's layout. Anything a real form or the island could not
 * have sent (a question that was not drawn, a position out of range, a wrong shape) is refused as
 * a whole with a reason; an unanswered question is simply absent or null.
 *
 * Form field names, one set per drawn question `<id>`:
 * - `q.<id>`: single (option position), multiple (repeated, one per ticked position), true-false
 *   (`true`/`false`), short-text and numeric (the text);
 * - `q.<id>.<position>`: ordering (the rank 1…n given to the item shown at that position; ties keep
 *   the shown order), matching (the right-hand position chosen for the left shown at that position,
 *   or empty) and fill-blanks (the text of blank number `<position>`, from 0).
 */
import type { Quiz } from '../content/schemas.ts';
import type { DisplayAnswer, DisplayAnswers } from './types.ts';
import { getBlanks, getLayoutQuestion, type QuizLayout } from './layout.ts';

/** Longest text kept for one typed answer. */
export const MAX_TEXT = 500;

export type AnswersResult =
	| { ok: true; answers: DisplayAnswers }
	| { ok: false; reason: 'not-drawn' | 'malformed'; questionId?: string };

const isPosition = (v: unknown, n: number): v is number =>
	Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** Checks one answer's shape for its question; returns the cleaned answer or undefined when malformed. */
function checkAnswer(
	quiz: Quiz,
	layout: QuizLayout,
	id: string,
	value: unknown,
): DisplayAnswer | undefined {
	if (value === null) return null;
	const lq = layout.questions.find((x) => x.id === id)!;
	const q = getLayoutQuestion(quiz, lq);
	const n = lq.order?.length ?? 0;
	switch (q.type) {
		case 'single':
			return isPosition(value, n) ? value : undefined;
		case 'multiple':
			return Array.isArray(value) &&
				value.every((v) => isPosition(v, n)) &&
				new Set(value).size === value.length
				? [...value].sort((a, b) => a - b)
				: undefined;
		case 'true-false':
			return typeof value === 'boolean' ? value : undefined;
		case 'short-text':
		case 'numeric':
			return isText(value) ? value : undefined;
		case 'ordering':
			return Array.isArray(value) &&
				value.length === n &&
				value.every((v) => isPosition(v, n)) &&
				new Set(value).size === n
				? value
				: undefined;
		case 'matching':
			return Array.isArray(value) &&
				value.length === n &&
				value.every((v) => v === null || isPosition(v, n))
				? value
				: undefined;
		case 'fill-blanks':
			return Array.isArray(value) &&
				value.length === getBlanks(q.text).length &&
				value.every(isText)
				? value
				: undefined;
	}
}

/** Validates answers sent as JSON (`{ "<question id>": answer, … }`) against an attempt's layout. */
export function parseAnswers(quiz: Quiz, layout: QuizLayout, raw: unknown): AnswersResult {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		return { ok: false, reason: 'malformed' };
	const drawn = new Set(layout.questions.map((q) => q.id));
	const answers: DisplayAnswers = {};
	for (const [id, value] of Object.entries(raw)) {
		if (!drawn.has(id)) return { ok: false, reason: 'not-drawn', questionId: id };
		const checked = checkAnswer(quiz, layout, id, value);
		if (checked === undefined) return { ok: false, reason: 'malformed', questionId: id };
		answers[id] = checked;
	}
	return { ok: true, answers };
}

/** Reads answers from form fields (`name → values`, repeated names kept) into the JSON shape, then validates. */
export function parseFormAnswers(
	quiz: Quiz,
	layout: QuizLayout,
	fields: Map<string, string[]>,
): AnswersResult {
	const raw: Record<string, unknown> = {};
	const drawn = new Map(layout.questions.map((lq) => [lq.id, lq]));
	for (const name of fields.keys()) {
		const id = /^q\.([^.]+)/.exec(name)?.[1];
		if (id !== undefined && !drawn.has(id))
			return { ok: false, reason: 'not-drawn', questionId: id };
	}
	const toInt = (s: string | undefined) =>
		s !== undefined && /^\d{1,3}$/.test(s) ? Number(s) : Number.NaN;
	for (const [id, lq] of drawn) {
		const q = getLayoutQuestion(quiz, lq);
		const one = fields.get(`q.${id}`)?.[0];
		const n = lq.order?.length ?? 0;
		const part = (i: number) => fields.get(`q.${id}.${i}`)?.[0];
		switch (q.type) {
			case 'single':
				if (one !== undefined) raw[id] = toInt(one);
				break;
			case 'multiple':
				if (fields.has(`q.${id}`)) raw[id] = fields.get(`q.${id}`)!.map(toInt);
				break;
			case 'true-false':
				if (one !== undefined) raw[id] = one === 'true' ? true : one === 'false' ? false : one;
				break;
			case 'short-text':
			case 'numeric':
				if (one !== undefined && one.trim() !== '') raw[id] = one;
				break;
			case 'ordering': {
				if (part(0) === undefined) break;
				const ranks = Array.from({ length: n }, (_, i) => toInt(part(i)));
				raw[id] = ranks.some((r) => !(r >= 1 && r <= n))
					? ranks
					: Array.from({ length: n }, (_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
				break;
			}
			case 'matching':
				if (part(0) === undefined) break;
				raw[id] = Array.from({ length: n }, (_, i) =>
					part(i) === '' || part(i) === undefined ? null : toInt(part(i)),
				);
				break;
			case 'fill-blanks': {
				const blanks = getBlanks(q.text).length;
				const texts = Array.from({ length: blanks }, (_, i) => part(i) ?? '');
				if (texts.some((t) => t.trim() !== '')) raw[id] = texts;
				break;
			}
		}
	}
	return parseAnswers(quiz, layout, raw);
}
