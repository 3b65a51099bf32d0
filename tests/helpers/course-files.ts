/**
 * Reads a course's outline straight from its files in `courses/` (no Astro), so benches and tests
 * can seed activity that matches the lessons and quiz questions the built site knows about. Order
 * and slugs follow the same rules as src/lib/courses.ts: `NN-` prefixes order folders and files and
 * are not part of the slug; translations (`.bn.`/`.hi.`) are skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface OutlineQuestion {
	id: string;
	type: string;
	/** Number of options (single/multiple), items (ordering) or pairs (matching); 0 otherwise. */
	choices: number;
	/** Indexes of the correct options (single/multiple). */
	correct: number[];
	/** A correct response in the quiz_response format, and a wrong one. */
	right: string;
	wrong: string[];
	points: number;
}

export interface OutlineQuiz {
	id: string;
	passMark: number;
	questions: OutlineQuestion[];
}

export interface CourseOutline {
	slug: string;
	instructors: string[];
	lessons: string[];
	/** Quiz id → lesson slug that embeds it. */
	quizLesson: Map<string, string>;
	quizzes: OutlineQuiz[];
}

const strip = (name: string) => name.replace(/^\d+[-_]/, '');
const isDir = (p: string) => statSync(p).isDirectory();

/** Slugs of the courses under `coursesDir` (folders with a course.md). */
export function listCourseSlugs(coursesDir: string): string[] {
	if (!existsSync(coursesDir)) return [];
	return readdirSync(coursesDir).filter(
		(d) => isDir(join(coursesDir, d)) && existsSync(join(coursesDir, d, 'course.md')),
	);
}

/** The outline of one course. */
export function readCourseOutline(coursesDir: string, slug: string): CourseOutline {
	const dir = join(coursesDir, slug);
	const front =
		/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'course.md'), 'utf8'))?.[1] ?? '';
	const course = (parse(front) ?? {}) as { instructors?: string[] };
	const lessons: string[] = [];
	const quizLesson = new Map<string, string>();
	const quizzes: OutlineQuiz[] = [];
	const units = readdirSync(dir)
		.filter((d) => /^\d+[-_]/.test(d) && isDir(join(dir, d)))
		.sort();
	for (const unit of units) {
		const files = readdirSync(join(dir, unit)).sort();
		for (const file of files) {
			if (/\.mdx$/.test(file) && !/\.(bn|hi)\.mdx$/.test(file)) {
				const slug = strip(file.replace(/\.mdx$/, ''));
				lessons.push(slug);
				const body = readFileSync(join(dir, unit, file), 'utf8');
				for (const m of body.matchAll(/<Quiz\s+[^>]*\bid=["']([^"']+)["']/g))
					quizLesson.set(m[1]!, slug);
			}
			if (/\.quiz\.yaml$/.test(file) && !/\.quiz\.(bn|hi)\.yaml$/.test(file)) {
				quizzes.push(
					readQuiz(file.replace(/\.quiz\.yaml$/, ''), readFileSync(join(dir, unit, file), 'utf8')),
				);
			}
		}
	}
	return {
		slug,
		instructors: (course.instructors ?? []).map((e) => e.toLowerCase()),
		lessons,
		quizLesson,
		quizzes,
	};
}

type RawQuestion = {
	id: string;
	type: string;
	points?: number;
	options?: { correct?: boolean }[];
	answer?: unknown;
	accept?: unknown[];
	items?: unknown[];
	pairs?: unknown[];
	text?: string;
};

function readQuiz(id: string, source: string): OutlineQuiz {
	const raw = parse(source) as { passMark?: number; questions: RawQuestion[] };
	return { id, passMark: raw.passMark ?? 70, questions: raw.questions.map(readQuestion) };
}

function readQuestion(q: RawQuestion): OutlineQuestion {
	const base = {
		id: q.id,
		type: q.type,
		points: q.points ?? 1,
		choices: 0,
		correct: [] as number[],
	};
	const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const options = q.options ?? [];
			const correct = indexes(options.length).filter((i) => options[i]!.correct);
			const wrong =
				q.type === 'single'
					? indexes(options.length)
							.filter((i) => !correct.includes(i))
							.map(String)
					: [
							correct.slice(0, -1),
							[...correct, indexes(options.length).find((i) => !correct.includes(i)) ?? 0].sort(),
						].map((s) => s.join(','));
			return {
				...base,
				choices: options.length,
				correct,
				right: correct.join(','),
				wrong: wrong.filter((w) => w !== ''),
			};
		}
		case 'true-false':
			return { ...base, right: String(q.answer), wrong: [String(!q.answer)] };
		case 'short-text':
			return {
				...base,
				right: String(q.accept?.[0] ?? '').toLowerCase(),
				wrong: ['i do not know', 'sum'],
			};
		case 'numeric':
			return { ...base, right: String(q.answer), wrong: [String(Number(q.answer) + 1), '0'] };
		case 'ordering':
		case 'matching': {
			const n = (q.items ?? q.pairs ?? []).length;
			const right = indexes(n).join(',');
			const swapped = indexes(n);
			[swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
			return { ...base, choices: n, right, wrong: [swapped.join(',')] };
		}
		default: {
			const blanks = [...(q.text ?? '').matchAll(/\[\[([^\]|]+)/g)].map((m) => m[1]!.toLowerCase());
			return { ...base, right: blanks.join(' | '), wrong: [blanks.map(() => 'x').join(' | ')] };
		}
	}
}
