/**
 * One graded upload, start to finish: check the allowance, grade the file in a worker (which also
 * verifies the attempt key), record the report and SHA-256 (and the file itself only with
 * PROJECT_UPLOADS_KEEP=true), and after a pass complete the embedding lesson and issue the
 * certificate if it is now due. Every refusal is decided before anything is written.
 */
import { PROJECT_UPLOADS_KEEP, DATA_DIR } from 'astro:env/server';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GradeReport, UploadRefusal } from '../../projects/types.ts';
import { getCheckParams } from '../../projects/schema.ts';
import { recordItemPassed } from '../progress/enrolment.ts';
import { generateSecureRandomString } from '../random.ts';
import { getAllowance, getCurrentAttempt, insertSubmission, listSubmissions } from './attempts.ts';
import { gradeInWorker } from './grading-pool.ts';
import type { LoadedProject } from './load.ts';
import { getAttemptKeySecret } from './secret.ts';

export type ProjectRefusal =
	| { kind: UploadRefusal }
	| { kind: 'no-attempt' }
	| { kind: 'no-attempts-left'; allowed: number }
	| { kind: 'cooldown'; until: number };

export interface SubmitResult {
	submissionId: string;
	report: GradeReport;
	passed: boolean;
}

/** Grades and records an upload for the learner's current attempt. */
export async function submitProjectFile(
	userId: string,
	loaded: LoadedProject,
	bytes: Uint8Array,
): Promise<{ ok: true; result: SubmitResult } | { ok: false; refusal: ProjectRefusal }> {
	const attempt = await getCurrentAttempt(userId, loaded);
	if (!attempt) return { ok: false, refusal: { kind: 'no-attempt' } };
	const blocked = getBlocked(
		loaded,
		await listSubmissions(userId, loaded.course.slug, loaded.projectId),
	);
	if (blocked) return { ok: false, refusal: blocked };

	const graded = await gradeInWorker({
		bytes,
		kind: loaded.kind,
		secret: getAttemptKeySecret(),
		attemptId: attempt.id,
		steps: loaded.english.steps.map((s) => ({
			id: s.id,
			points: s.points,
			checks: s.checks.map((c) => ({ type: c.check, params: getCheckParams(c) })),
		})),
		expected: loaded.builder.expected(attempt.seed),
	});
	if (!graded.ok) return { ok: false, refusal: { kind: graded.refusal } };

	const id = generateSecureRandomString();
	const passed = graded.report.score >= loaded.english.passMark;
	const storedPath = PROJECT_UPLOADS_KEEP === 'true' ? await keepUpload(loaded, id, bytes) : null;
	const inserted = await insertSubmission(loaded, {
		id,
		attemptId: attempt.id,
		userId,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		bytes: bytes.byteLength,
		score: graded.report.score,
		passed,
		steps: graded.report.steps,
		storedPath,
	});
	if (!inserted)
		return {
			ok: false,
			refusal: getBlocked(
				loaded,
				await listSubmissions(userId, loaded.course.slug, loaded.projectId),
			) ?? { kind: 'no-attempts-left', allowed: 0 },
		};
	if (passed) await recordItemPassed(userId, loaded.course, 'project', loaded.projectId);
	return { ok: true, result: { submissionId: id, report: graded.report, passed } };
}

function getBlocked(
	loaded: LoadedProject,
	rows: Awaited<ReturnType<typeof listSubmissions>>,
): ProjectRefusal | null {
	const allowance = getAllowance(loaded, rows);
	if (allowance.allowed !== null && allowance.used >= allowance.allowed)
		return { kind: 'no-attempts-left', allowed: allowance.allowed };
	if (allowance.cooldownUntil) return { kind: 'cooldown', until: allowance.cooldownUntil };
	return null;
}

/** Writes a kept upload to DATA_DIR/project-uploads/<course>/<project>/<id>.<ext>; returns its relative path. */
async function keepUpload(loaded: LoadedProject, id: string, bytes: Uint8Array): Promise<string> {
	const relative = join(
		'project-uploads',
		loaded.course.slug,
		loaded.projectId,
		`${id}.${loaded.kind}`,
	);
	const path = resolve(DATA_DIR, relative);
	await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
	await writeFile(path, bytes, { mode: 0o600 });
	return relative;
}
