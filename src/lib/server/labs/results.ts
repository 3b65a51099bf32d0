/**
 * What a learner is shown about their lab attempts: the report of a submission (hints and expected
 * actions as the lab's reveal setting allows; the model answer only once they have passed), and
 * their standing (history, best score, attempts left, cool-down).
 */
import { formatDate, localizePath, type Locale } from '../../i18n.ts';
import type { RuleResult } from '../../labs/types.ts';
import { getLabCooldownUntil, type LabAttemptRow } from './attempts.ts';
import type { LoadedLab } from './load.ts';

/** The lab page of a lab (and, with `attemptId`, one attempt's report). */
export function getLabPagePath(
	loaded: Pick<LoadedLab, 'course' | 'labId' | 'lessonSlug'>,
	locale: Locale,
	attemptId?: string,
): string {
	const path = localizePath(
		`/courses/${loaded.course.slug}/${loaded.lessonSlug ?? 'lab'}/lab/${loaded.labId}`,
		locale,
	);
	return attemptId ? `${path}?attempt=${attemptId}` : path;
}

export interface LabStatus {
	history: {
		id: string;
		number: number;
		date: string;
		score: number | null;
		passed: boolean | null;
		href: string;
	}[];
	best: number | null;
	passed: boolean;
	/** null when unlimited. */
	attemptsLeft: number | null;
	cooldownUntil: number | null;
	open: LabAttemptRow | undefined;
}

/** The learner's standing at a lab. */
export function getLabStatus(
	loaded: LoadedLab,
	rows: LabAttemptRow[],
	locale: Locale,
	now = Date.now(),
): LabStatus {
	const scores = rows.filter((r) => r.submittedAt && r.score !== null).map((r) => r.score!);
	const limit = loaded.english.attempts;
	return {
		history: rows.map((r, i) => ({
			id: r.id,
			number: i + 1,
			date: formatDate(r.startedAt, locale),
			score: r.submittedAt ? r.score : null,
			passed: r.submittedAt ? Boolean(r.passed) : null,
			href: getLabPagePath(loaded, locale, r.id),
		})),
		best: scores.length > 0 ? Math.max(...scores) : null,
		passed: rows.some((r) => r.passed),
		attemptsLeft: limit === 'unlimited' ? null : Math.max(0, limit - rows.length),
		cooldownUntil: getLabCooldownUntil(loaded, rows, now),
		open: rows.find((r) => !r.submittedAt),
	};
}

export interface LabReport {
	score: number;
	passed: boolean;
	passMark: number;
	rules: RuleResult[];
	/** Whether hints and expected actions are shown. */
	revealed: boolean;
	/** The model answer (proposal labs), once the learner has passed. */
	model?: string;
	/** The learner's own proposal text, to compare. */
	text?: string;
}

/** The report of a submitted attempt, as the learner may see it now; null while it is open. */
export function getLabReport(
	loaded: LoadedLab,
	row: LabAttemptRow,
	hasPassed: boolean,
): LabReport | null {
	if (!row.submittedAt || row.score === null) return null;
	const reveal = loaded.english.reveal;
	const revealed = reveal === 'after-each-attempt' || (reveal === 'after-passing' && hasPassed);
	const rules = (row.report as RuleResult[]).map(({ expected, ...rest }) =>
		revealed && expected?.length ? { ...rest, expected } : rest,
	);
	const work = row.submission as { kind: string; text?: string } | null;
	return {
		score: row.score,
		passed: Boolean(row.passed),
		passMark: loaded.english.passMark,
		rules,
		revealed,
		...(hasPassed && loaded.lab.kind === 'proposal' ? { model: loaded.lab.proposal.model } : {}),
		...(work?.kind === 'proposal' && typeof work.text === 'string' ? { text: work.text } : {}),
	};
}
