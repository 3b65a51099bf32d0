/**
 * Recording a certificate's evidence at issue time: the learner's passed graded projects and labs
 * (from the projects and labs modules), frozen on the certificate row so the credential reads the
 * same on every request. Mapping to OB 3.0 `Evidence` is in src/lib/credentials/evidence.ts.
 */
import { eq } from 'drizzle-orm';
import { certificateTable } from '../../../../db/schema.ts';
import { collectEvidence } from '../../credentials/evidence.ts';
import { db } from '../db.ts';
import { getPassedLabs } from '../labs/passed.ts';
import { getPassedProjects } from '../projects/passed.ts';

/** Stores the learner's passed projects and labs of the course on the certificate (none: null). */
export async function recordCertificateEvidence(
	certificateId: string,
	userId: string,
	courseSlug: string,
): Promise<void> {
	const [projects, labs] = await Promise.all([
		getPassedProjects(userId, courseSlug),
		getPassedLabs(userId, courseSlug),
	]);
	const evidence = collectEvidence(projects, labs);
	if (evidence.length === 0) return;
	await db.update(certificateTable).set({ evidence }).where(eq(certificateTable.id, certificateId));
}
