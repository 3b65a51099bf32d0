/**
 * The learner's credential subject id (`credentialSubject.id`, VC-JWT `sub`): a random
 * `urn:uuid:` per learner, created the first time one of their credentials is built and never
 * changed. Not the e-mail: a public credential must not carry a contact address, and an e-mail
 * changes. See db/schema.ts `credentialSubjectTable`.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { credentialSubjectTable } from '../../../../db/schema.ts';
import { db } from '../db.ts';

/** The learner's subject id, created on first use (race-safe: the first insert wins). */
export async function getCredentialSubjectId(userId: string): Promise<string> {
	const read = async () =>
		(
			await db
				.select({ subjectId: credentialSubjectTable.subjectId })
				.from(credentialSubjectTable)
				.where(eq(credentialSubjectTable.userId, userId))
				.get()
		)?.subjectId;
	const existing = await read();
	if (existing) return existing;
	await db
		.insert(credentialSubjectTable)
		.values({ userId, subjectId: `urn:uuid:${randomUUID()}` })
		.onConflictDoNothing({ target: credentialSubjectTable.userId });
	const created = await read();
	if (!created) throw new Error(`no credential subject for user ${userId}`);
	return created;
}
