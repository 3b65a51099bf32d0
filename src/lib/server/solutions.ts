/**
 * Worked solutions to practice files, released to a learner once they have passed a named quiz
 * or graded project of the course (`<Solution file="…" after="…" title="…" />`).
 *
 * Design:
 * - A solution lives in `courses/<course>/solutions/<after>/<name>` (written by
 *   `npm run content:files`). The folder names the gate, so the URL
 *   `/courses/<course>/solutions/<after>/<name>` can only read a file from the folder of the quiz
 *   or project it names: pairing a file with an easier quiz finds nothing (404).
 * - Nothing is prerendered or public: the route and the component read the session and the
 *   learner's record on every request. The files are read from the working directory at request
 *   time, like the practice files at build time, so the server must run from the repository root
 *   (as `npm start` does).
 * - `after` counts only when a lesson of the course embeds it as a <Quiz> or <Project>; any other
 *   id makes the file unknown.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getProjectLesson, getQuizData, getQuizLesson, type Course } from '../courses.ts';
import type { Locale } from '../i18n.ts';
import { getLearnerRecord } from './progress/learner-record.ts';
import { loadProject } from './projects/load.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

const CONTENT_TYPES: Record<string, string> = {
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.pdf': 'application/pdf',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** The quiz or graded project that unlocks a solution, named in the learner's language. */
export interface SolutionGate {
	kind: 'quiz' | 'project';
	id: string;
	/** The quiz's or project's title, for "Pass … to unlock". */
	title: string;
	/** The lesson that embeds it. */
	lessonSlug: string;
}

/** Absolute path of a solution file, or null when the names are malformed or the file does not exist. */
export function getSolutionPath(courseSlug: string, after: string, name: string): string | null {
	if (!SLUG.test(courseSlug) || !SLUG.test(after) || !FILE_NAME.test(name)) return null;
	const path = join(process.cwd(), 'courses', courseSlug, 'solutions', after, name);
	return existsSync(path) && statSync(path).isFile() ? path : null;
}

/** The quiz or project `after` names in this course, or null when no lesson embeds one by that id. */
export async function getSolutionGate(
	course: Course,
	after: string,
	locale: Locale,
): Promise<SolutionGate | null> {
	const quizLesson = getQuizLesson(course, after);
	if (quizLesson) {
		const data = await getQuizData(course.slug, after, locale);
		if (data)
			return { kind: 'quiz', id: after, title: data.quiz.title, lessonSlug: quizLesson.slug };
	}
	const projectLesson = getProjectLesson(course, after);
	if (projectLesson) {
		const loaded = await loadProject(course.slug, after, locale);
		if (loaded)
			return {
				kind: 'project',
				id: after,
				title: loaded.project.title,
				lessonSlug: projectLesson.slug,
			};
	}
	return null;
}

/** Whether the learner has passed the gate's quiz or project (any passing attempt or upload). */
export async function verifySolutionUnlocked(
	userId: string,
	courseSlug: string,
	gate: SolutionGate,
): Promise<boolean> {
	const record = await getLearnerRecord(userId, courseSlug);
	return record.passed[gate.kind].has(gate.id);
}

/** The file as a download for the learner: private, never stored by shared caches. */
export function createSolutionResponse(path: string): Response {
	const name = path.split(/[\\/]/).pop()!;
	return new Response(readFileSync(path), {
		headers: {
			'content-type': CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
		},
	});
}
