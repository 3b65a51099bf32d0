/**
 * The projects a learner has passed in a course, for the certificate rule (`certificate.projects`) and
 * the credential's evidence. Extension point: returns nothing until graded projects are stored.
 */
import type { EvidenceItem } from '../../evidence.ts';

/** Passed projects of one learner in one course, keyed by id, with their best score. */
export async function getPassedProjects(userId: string, courseSlug: string): Promise<Map<string, EvidenceItem>> {
	void userId;
	void courseSlug;
	return new Map();
}
