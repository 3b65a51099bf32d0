/**
 * The personalised start file of an attempt: built from the attempt's seed (so a re-download gives
 * the same data) with the learner's name and the signed attempt key.
 */
import { createAttemptKey } from '../../projects/attempt-key.ts';
import type { AttemptRow } from './attempts.ts';
import type { LoadedProject } from './load.ts';
import { getAttemptKeySecret } from './secret.ts';

const CONTENT_TYPES = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;

/** The attempt key of an attempt (what the start file carries). */
export function getAttemptKey(attemptId: string): string {
	return createAttemptKey(getAttemptKeySecret(), attemptId);
}

/** Bytes, file name and content type of an attempt's start file. */
export async function buildStartFile(
	loaded: LoadedProject,
	attempt: AttemptRow,
	learnerName: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; name: string; contentType: string }> {
	const bytes = await loaded.builder.build(attempt.seed, {
		learnerName,
		attemptKey: getAttemptKey(attempt.id),
	});
	return {
		bytes: new Uint8Array(bytes),
		name: `${loaded.projectId}-start.${loaded.kind}`,
		contentType: CONTENT_TYPES[loaded.kind],
	};
}
