/**
 * The labs a learner has passed in a course, for the certificate rule (`certificate.labs`) and
 * the credential's evidence. Extension point: returns nothing until graded labs are stored.
 */
import type { EvidenceItem } from '../../evidence.ts';

/** Passed labs of one learner in one course, keyed by id, with their best score. */
export async function getPassedLabs(userId: string, courseSlug: string): Promise<Map<string, EvidenceItem>> {
	void userId;
	void courseSlug;
	return new Map();
}
