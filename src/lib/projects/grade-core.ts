/**
 * Grading one uploaded file: the code that runs inside a grading worker thread
 * (src/lib/server/projects/grading-pool.ts), and directly in unit tests and benchmarks.
 *
 * Steps: open the file safely (by content), find the attempt key (the custom document property
 * `DakshataAttemptKey` when present, else the visible copy a Google export keeps), verify its
 * signature and that it names the learner's current attempt, then run every step's checks against
 * the values the attempt's seed produced. A step's points are its points × the mean share of its
 * checks. Nothing here touches the database or the network.
 */
import { ATTEMPT_KEY_PATTERN, ATTEMPT_KEY_PROPERTY, verifyAttemptKey } from './attempt-key.ts';
import { openOfficeFile, runCheck, type OfficeFile } from './office.ts';
import { bytesHaveDoctype } from './xml.ts';
import type { ExpectedValues, GradedStep, GradeReport, UploadRefusal } from './types.ts';

export interface GradeJob {
	bytes: Uint8Array;
	/** Which file kind the project wants. */
	kind: 'xlsx' | 'docx' | 'pptx';
	/** The attempt-key secret. */
	secret: Uint8Array;
	/** The learner's current attempt. */
	attemptId: string;
	steps: {
		id: string;
		points: number;
		checks: { type: string; params: Record<string, unknown> }[];
	}[];
	expected: ExpectedValues;
}

export type GradeJobResult =
	{ ok: true; report: GradeReport } | { ok: false; refusal: UploadRefusal };

/** Parts where a visible copy of the key may be. */
const VISIBLE_KEY_PARTS =
	/^(xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml|word\/(document|footer\d*|header\d*)\.xml|ppt\/slides\/[^/]+\.xml|ppt\/notesSlides\/[^/]+\.xml)$/;

/** The keys a file carries: the property alone when it has one, else every visible copy. */
export function findAttemptKeys(file: OfficeFile): string[] {
	const property = file.customProperty(ATTEMPT_KEY_PROPERTY);
	if (property) return [property.trim()];
	const global = new RegExp(ATTEMPT_KEY_PATTERN.source, 'g');
	const found = new Set<string>();
	for (const path of file.parts.keys()) {
		if (!VISIBLE_KEY_PARTS.test(path)) continue;
		for (const m of (file.text(path) ?? '').matchAll(global)) found.add(m[0]);
	}
	return [...found];
}

/** Checks the key, then grades every step. */
export async function gradeJob(job: GradeJob): Promise<GradeJobResult> {
	const opened = openOfficeFile(job.bytes);
	if (!opened.ok) return { ok: false, refusal: opened.refusal };
	const { file } = opened;
	// Defence in depth: no XML part may declare a DTD (the parser refuses them too).
	for (const path of file.parts.keys())
		if (/\.(xml|rels)$/i.test(path) && bytesHaveDoctype(file.parts.get(path)!))
			return { ok: false, refusal: 'corrupt' };
	if (file.kind !== job.kind) return { ok: false, refusal: 'wrong-app' };
	const keys = findAttemptKeys(file);
	if (keys.length === 0) return { ok: false, refusal: 'no-key' };
	const ids = keys.map((k) => verifyAttemptKey(job.secret, k));
	if (!ids.includes(job.attemptId))
		return { ok: false, refusal: ids.some((id) => id !== null) ? 'wrong-attempt' : 'tampered-key' };

	const ctx = { file, expected: job.expected };
	const steps: GradedStep[] = [];
	for (const step of job.steps) {
		let total = 0;
		const messages: GradedStep['messages'] = [];
		for (const check of step.checks) {
			const outcome = await runCheck(check.type, check.params, ctx).catch(() => ({
				score: 0,
				message: { key: 'project.check.unreadable' },
			}));
			const score = Math.min(1, Math.max(0, outcome.score));
			total += score;
			if (score < 1) messages.push(outcome.message);
		}
		const earned = Math.round(((step.points * total) / step.checks.length) * 10) / 10;
		steps.push({
			id: step.id,
			points: earned,
			max: step.points,
			status: earned >= step.points ? 'passed' : earned > 0 ? 'partly' : 'not-yet',
			messages,
		});
	}
	const max = steps.reduce((s, x) => s + x.max, 0);
	const got = steps.reduce((s, x) => s + x.points, 0);
	return {
		ok: true,
		report: { score: max === 0 ? 0 : Math.round((got / max) * 1000) / 10, steps },
	};
}

/** This module's own address, so a worker thread can load exactly this code. */
export const GRADE_CORE_URL = import.meta.url;

// A bundler may rename exports of the chunk this module ends up in; the worker falls back to this.
(globalThis as { __dakshataGradeJob?: typeof gradeJob }).__dakshataGradeJob = gradeJob;
