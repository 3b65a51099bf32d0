/**
 * The quiz and lab leak scan: looks through what a browser receives before submitting (page HTML, island
 * props, JavaScript chunks, API answers) for anything that gives a quiz's answers away, and
 * returns one line per finding (empty when clean).
 *
 * What counts as a leak, per quiz file:
 * - any feedback or explanation text, anywhere (full page, props, chunks, API answers);
 * - in island props and API answers: a key outside the public shape of a question
 *   (src/lib/quiz/types.ts `PublicQuestion`), e.g. `correct`, `answer`, `accept`, `feedback`;
 * - in a question's own public data (props/API) and its own fieldset in the HTML: its accepted
 *   short-text answers, its fill-in answers, its numeric answer;
 * - an ordering question shown in the correct order; matching choices (3+) lined up with their
 *   prompts in the correct pairing;
 * - in JavaScript chunks: any of the quiz's typed answers of 4+ characters (chunks hold code, never
 *   course content).
 */
import type { Quiz } from '../../src/lib/content/schemas.ts';
import type { Lab } from '../../src/lib/labs/schema.ts';
import type { ExpectedValues } from '../../src/lib/projects/types.ts';

const PUBLIC_KEYS: Record<string, string[]> = {
	single: ['options'],
	multiple: ['options'],
	'true-false': [],
	'short-text': [],
	numeric: ['unit'],
	ordering: ['items'],
	matching: ['lefts', 'rights'],
	'fill-blanks': ['parts'],
};

/** Decodes the `props` attribute Astro writes on `<astro-island>` (values as `[type, value]`). */
export function decodeIslandProps(attribute: string): Record<string, unknown> {
	const decode = (v: unknown): unknown => {
		if (!Array.isArray(v)) return v;
		const [type, value] = v as [number, unknown];
		if (type === 1) return (value as unknown[]).map(decode);
		if (type === 0 && value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, decode(x)]));
		return value;
	};
	const raw = JSON.parse(unescapeHtml(attribute)) as Record<string, unknown>;
	return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decode(v)]));
}

export function unescapeHtml(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&#0?39;|&#x27;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** Every island props object in a page. */
export function getIslandProps(html: string): Record<string, unknown>[] {
	return [...html.matchAll(/<astro-island\b[^>]*\bprops="([^"]*)"/g)].map((m) =>
		decodeIslandProps(m[1]!),
	);
}

const blanksOf = (text: string) =>
	[...text.matchAll(/\[\[([^\]]+)\]\]/g)].flatMap((m) => m[1]!.split('|').map((a) => a.trim()));

/** True when `needle` occurs in `haystack` as a whole word (case-insensitive, any script). */
function containsWord(haystack: string, needle: string): boolean {
	return new RegExp(
		`(^|[^\\p{L}\\p{N}\\p{M}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}\\p{M}])`,
		'iu',
	).test(haystack);
}

/**
 * The texts that give a question away when they appear in its own public data. A fill-in answer
 * the author also wrote elsewhere in the sentence (e.g. "the 3-2-1 rule means [[3]] copies") is the
 * author's giveaway, not the engine's, and is left to the content review.
 */
function typedAnswers(q: Quiz['questions'][number]): string[] {
	if (q.type === 'short-text') return q.accept;
	if (q.type === 'fill-blanks') {
		const sentence = q.text.replace(/\[\[[^\]]+\]\]/g, ' ');
		return blanksOf(q.text).filter((a) => !containsWord(sentence, a));
	}
	if (q.type === 'numeric') return [String(q.answer)];
	return [];
}

/** Public questions found anywhere in a JSON value (objects with id, type and prompt). */
function findQuestions(
	value: unknown,
	out: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
	if (Array.isArray(value)) for (const v of value) findQuestions(v, out);
	else if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if (typeof o.id === 'string' && typeof o.type === 'string' && 'prompt' in o && 'points' in o)
			out.push(o);
		else for (const v of Object.values(o)) findQuestions(v, out);
	}
	return out;
}

/** True when `source` has `text` as a whole string literal ("text", 'text' or `text`). */
function containsLiteral(source: string, text: string): boolean {
	const escaped = JSON.stringify(text).slice(1, -1);
	return [text, escaped].some((t) => ['"', "'", '`'].some((q) => source.includes(`${q}${t}${q}`)));
}

export interface LeakScanInput {
	/** Full page HTML (scanned for feedback and explanations; the quiz fieldsets for typed answers). */
	html?: string[];
	/** Island props, API answers: any JSON the browser gets before submitting. */
	json?: unknown[];
	/** JavaScript chunk sources. */
	scripts?: { name: string; source: string }[];
}

/** Findings for one quiz (empty when nothing leaks). */
export function findLeaks(quizId: string, quiz: Quiz, input: LeakScanInput): string[] {
	const found: string[] = [];
	const secrets = quiz.questions
		.flatMap((q) => [q.explanation, ...('options' in q ? q.options.map((o) => o.feedback) : [])])
		.filter((s): s is string => Boolean(s));
	const texts = [
		...(input.html ?? []).map(unescapeHtml),
		...(input.json ?? []).map((j) => JSON.stringify(j)),
		...(input.scripts ?? []).map((s) => s.source),
	];
	for (const secret of secrets) {
		const escaped = JSON.stringify(secret).slice(1, -1);
		if (texts.some((t) => t.includes(secret) || t.includes(escaped)))
			found.push(`${quizId}: feedback or explanation "${secret.slice(0, 40)}…" is visible`);
	}
	// In JavaScript, quiz data would travel as string literals. Code is full of words that are also
	// answers ("text", "next", `document`, `.trim()`), so a typed answer counts as leaked when it is a
	// whole string literal, and short single ASCII words (5 letters or fewer) are left to the HTML and
	// JSON checks above, where a leak of quiz data would also bring its long feedback and explanations.
	for (const script of input.scripts ?? []) {
		const answers = quiz.questions
			.flatMap(typedAnswers)
			.filter((a) => a.length >= 4 && !/^\d+(\.\d+)?$/.test(a) && !/^[A-Za-z]{1,5}$/.test(a));
		for (const answer of answers) {
			if (containsLiteral(script.source, answer))
				found.push(`${quizId}: answer "${answer}" appears in ${script.name}`);
		}
	}
	for (const json of input.json ?? []) {
		for (const pq of findQuestions(json)) {
			const q = quiz.questions.find((x) => x.id === pq.id);
			if (!q) continue;
			const extra = Object.keys(pq).filter(
				(k) => !['id', 'type', 'prompt', 'points', ...(PUBLIC_KEYS[q.type] ?? [])].includes(k),
			);
			if (extra.length > 0)
				found.push(
					`${quizId}/${q.id}: unexpected fields ${extra.join(', ')} in the public question`,
				);
			const { id: _id, type: _type, prompt: _prompt, points: _points, ...rest } = pq;
			const own = JSON.stringify(rest);
			for (const answer of typedAnswers(q))
				if (containsWord(own, answer))
					found.push(`${quizId}/${q.id}: its answer "${answer}" is in its public data`);
			if (q.type === 'ordering' && JSON.stringify(pq.items) === JSON.stringify(q.items))
				found.push(`${quizId}/${q.id}: items are shown in the correct order`);
			if (q.type === 'matching' && q.pairs.length >= 3) {
				const lefts = pq.lefts as string[];
				const rights = pq.rights as string[];
				if (lefts?.every((l, i) => q.pairs.find((p) => p.left === l)?.right === rights?.[i]))
					found.push(`${quizId}/${q.id}: matching choices line up with their prompts`);
			}
		}
	}
	for (const html of input.html ?? []) {
		for (const q of quiz.questions) {
			const fieldset = new RegExp(`<fieldset[^>]*id="[^"]*-${q.id}"[\\s\\S]*?</fieldset>`).exec(
				html,
			)?.[0];
			if (!fieldset) continue;
			const body = fieldset.replace(/<legend>[\s\S]*?<\/legend>/, '');
			const typed = [...body.matchAll(/<input[^>]*type="text"[^>]*value="([^"]*)"/g)].map(
				(m) => m[1],
			);
			const visible = unescapeHtml(`${body.replace(/<[^>]*>/g, ' ')} ${typed.join(' ')}`);
			for (const answer of typedAnswers(q))
				if (containsWord(visible, answer))
					found.push(`${quizId}/${q.id}: its answer "${answer}" is in its form`);
		}
	}
	return found;
}

// ---------------------------------------------------------------- graded projects

/** What must stay on the server for one learner's project attempt. */
export interface ProjectSecrets {
	projectId: string;
	/** The attempt's seed (decides the data) and its signed key (only ever inside the start file). */
	seed: string;
	attemptKey: string;
	/** The values the attempt's checks compare against (from the builder). */
	expected: ExpectedValues;
	/**
	 * The project file's own text and its lesson's: a value the author wrote there (e.g. the
	 * drop-down's items, "Excel 2021") is public by design.
	 */
	publicText: string;
}

/**
 * `text` without what is no one's data: XML namespace names (an inline SVG's
 * `http://www.w3.org/2000/svg` matched an expected value of 2000) and the scheme, host and port of
 * every URL (the test server's random port could match a total). Paths and query strings stay:
 * an answer could hide there.
 */
function withoutOrigins(text: string): string {
	return text
		.replace(/https?:\/\/www\.w3\.org\/[^\s"'<>)]*/g, ' ')
		.replace(/[a-z][a-z0-9+.-]*:\/\/[^/\s"'<>)]*/gi, ' ');
}

/** Values worth looking for: numbers of 4+ digits (raw and with separators), texts of 6+ characters. */
function secretValues(expected: ProjectSecrets['expected']): string[] {
	const out = new Set<string>();
	const add = (v: unknown) => {
		if (typeof v === 'number' && Math.abs(v) >= 1000) {
			out.add(String(v));
			out.add(v.toLocaleString('en-IN'));
			out.add(v.toLocaleString('en-US'));
		} else if (typeof v === 'string' && v.trim().length >= 6) out.add(v);
	};
	// Lists and lists of rows (xlsx.sorted's original rows) are scanned value by value.
	for (const v of Object.values(expected)) [v].flat(2).forEach(add);
	return [...out];
}

/**
 * Findings for one learner's project attempt (empty when nothing leaks): the seed, the attempt key
 * or its signature, or any expected value anywhere in what the browser receives before uploading.
 */
export function findProjectLeaks(secrets: ProjectSecrets, input: LeakScanInput): string[] {
	const found: string[] = [];
	const texts = [
		...(input.html ?? []).map(unescapeHtml),
		...(input.json ?? []).map((j) => JSON.stringify(j)),
		...(input.scripts ?? []).map((s) => s.source),
	].map(withoutOrigins);
	const mac = secrets.attemptKey.split('-').pop()!;
	if (texts.some((t) => t.includes(secrets.seed)))
		found.push(`${secrets.projectId}: the attempt's seed is visible`);
	if (texts.some((t) => t.includes(mac)))
		found.push(`${secrets.projectId}: the attempt key's signature is visible`);
	for (const value of secretValues(secrets.expected).filter(
		(v) => !containsWord(secrets.publicText, v),
	)) {
		if (texts.some((t) => containsWord(t, value)))
			found.push(`${secrets.projectId}: expected value "${value}" is visible`);
	}
	return found;
}

/**
 * Findings in a result that must not give the key away (a `feedback` review, or any anonymous
 * practice result): a correct answer written out, or a multi-select question's option feedback
 * (which tells which ticked options were wrong). Empty when clean.
 */
export function findKeyInResult(quizId: string, quiz: Quiz, result: unknown): string[] {
	const found: string[] = [];
	const review =
		(result as { review?: { id: string; correctAnswer?: string; feedback?: string[] }[] }).review ??
		[];
	for (const row of review) {
		if ('correctAnswer' in row) found.push(`${quizId}/${row.id}: the correct answer is shown`);
		const q = quiz.questions.find((x) => x.id === row.id);
		if (q?.type === 'multiple' && (row.feedback ?? []).length > 0)
			found.push(`${quizId}/${row.id}: option feedback of a multi-select question is shown`);
	}
	return found;
}

// ---------------------------------------------------------------- labs

/** Keys that only the server's lab holds; none may appear in JSON the browser gets before submitting. */
const LAB_SECRET_KEYS = [
	'expect',
	'rules',
	'model',
	'explanation',
	'replyMentions',
	'groups',
	'phrases',
	'hint',
];

function findKeys(value: unknown, keys: string[], out = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const v of value) findKeys(v, keys, out);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if (keys.includes(k)) out.add(k);
			findKeys(v, keys, out);
		}
	}
	return out;
}

/** The texts that give a lab away: hints, explanations, the model answer (by paragraph), expected meeting times. */
function labSecrets(lab: Lab): string[] {
	if (lab.kind === 'proposal') {
		const model = lab.proposal.model
			.split(/\n\s*\n/)
			.map((p) => p.trim())
			.filter((p) => p.length >= 30);
		return [...lab.proposal.rules.flatMap((r) => (r.hint ? [r.hint] : [])), ...model];
	}
	if (lab.kind === 'inbox')
		return lab.inbox.messages.flatMap((m) => [
			...(m.explanation ? [m.explanation] : []),
			...(m.expect.meeting ?? []),
		]);
	return [];
}

/**
 * Findings for one lab (empty when nothing leaks): any hint, explanation, model paragraph or
 * expected meeting time in the HTML, JSON or scripts, and any server-only key in JSON (island
 * props, API answers).
 */
export function findLabLeaks(labId: string, lab: Lab, input: LeakScanInput): string[] {
	const found: string[] = [];
	const texts = [
		...(input.html ?? []).map(unescapeHtml),
		...(input.json ?? []).map((j) => JSON.stringify(j)),
		...(input.scripts ?? []).map((s) => s.source),
	];
	for (const secret of labSecrets(lab)) {
		const escaped = JSON.stringify(secret).slice(1, -1);
		if (texts.some((t) => t.includes(secret) || t.includes(escaped)))
			found.push(`${labId}: "${secret.slice(0, 40)}…" is visible before submitting`);
	}
	for (const json of input.json ?? [])
		for (const key of findKeys(json, LAB_SECRET_KEYS))
			found.push(`${labId}: server-only key "${key}" in JSON`);
	return found;
}
