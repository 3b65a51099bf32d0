/**
 * What a project shows a learner, built on the server: the steps as HTML (Markdown rendered once
 * per project and language), the learner's allowance, history and best score, and the report to
 * show. This is the one place that decides what of a project reaches the browser: never the checks'
 * parameters, the attempt's expected values or the attempt key (only inside the start file).
 */
import { markdownToHtml } from 'satteri';
import { createTranslator, localizePath, type Locale, type MessageKey } from '../../i18n.ts';
import type { GradedStep } from '../../projects/types.ts';
import type { SessionUser } from '../auth/session.ts';
import { getAllowance, listSubmissions, type SubmissionRow } from './attempts.ts';
import type { LoadedProject } from './load.ts';

export interface ProjectText {
	scenario: string;
	appNotes: string | null;
	steps: { id: string; title: string; html: string; points: number; hint: string | null }[];
}

const textCache = new Map<string, Promise<ProjectText>>();

async function render(md: string): Promise<string> {
	return (await markdownToHtml(md)).html;
}

/** The project's words as HTML, in the loaded language. */
export function getProjectText(loaded: LoadedProject): Promise<ProjectText> {
	const key = `${loaded.course.slug}/${loaded.projectId}/${loaded.locale}`;
	let cached = import.meta.env.DEV ? undefined : textCache.get(key);
	if (!cached) {
		const p = loaded.project;
		cached = (async () => ({
			scenario: await render(p.scenario),
			appNotes: p.appNotes ? await render(p.appNotes) : null,
			steps: await Promise.all(
				p.steps.map(async (s) => ({
					id: s.id,
					title: s.title,
					html: await render(s.text),
					points: s.points,
					hint: s.hint ?? null,
				})),
			),
		}))();
		textCache.set(key, cached);
	}
	return cached;
}

/** The project page's address, optionally showing one upload's report. */
export function getProjectPagePath(
	loaded: LoadedProject,
	locale: Locale,
	submissionId?: string,
): string {
	const base = localizePath(
		`/courses/${loaded.course.slug}/${loaded.lessonSlug ?? '-'}/project/${loaded.projectId}`,
		locale,
	);
	return submissionId ? `${base}?submission=${submissionId}#report` : base;
}

/** The start-file download address. */
export function getStartFilePath(loaded: LoadedProject, locale: Locale): string {
	return `${getProjectPagePath(loaded, locale)}/start-file`;
}

export interface ReportView {
	submittedAt: Date;
	score: number;
	passed: boolean;
	steps: (GradedStep & { title: string; hint: string | null; texts: string[] })[];
}

/** A stored upload as the learner reads it: step titles, translated messages and hints. */
export function toReportView(row: SubmissionRow, text: ProjectText, locale: Locale): ReportView {
	const t = createTranslator(locale);
	return {
		submittedAt: row.submittedAt,
		score: row.score,
		passed: row.passed,
		steps: row.steps.map((s) => {
			const step = text.steps.find((x) => x.id === s.id);
			return {
				...s,
				title: step?.title ?? s.id,
				hint: s.status === 'passed' ? null : (step?.hint ?? null),
				texts: s.messages.map((m) => describeMessage(t, m)),
			};
		}),
	};
}

/** A check's message in the learner's language; a key the catalogues lack gets a general sentence. */
function describeMessage(
	t: ReturnType<typeof createTranslator>,
	m: GradedStep['messages'][number],
): string {
	const text = t(m.key as MessageKey, m.vars);
	return text === m.key ? t('project.check.generic') : text;
}

export interface LearnerProjectState {
	submissions: SubmissionRow[];
	best: number | null;
	passed: boolean;
	uploadsLeft: number | null;
	cooldownUntil: number | null;
}

/** The learner's uploads and allowance, or null for a visitor. */
export async function getLearnerProjectState(
	loaded: LoadedProject,
	user: SessionUser | null,
): Promise<LearnerProjectState | null> {
	if (!user) return null;
	const submissions = await listSubmissions(user.id, loaded.course.slug, loaded.projectId);
	const allowance = getAllowance(loaded, submissions);
	return {
		submissions,
		best: submissions.length ? Math.max(...submissions.map((s) => s.score)) : null,
		passed: submissions.some((s) => s.passed),
		uploadsLeft:
			allowance.allowed === null ? null : Math.max(0, allowance.allowed - allowance.used),
		cooldownUntil: allowance.cooldownUntil,
	};
}
