/**
 * Creating the first administrator from the one-time setup link that the server logs while no
 * admin exists. Checking that there is still no admin, using the token and inserting the account
 * happen in one write transaction: if the insert fails (the address is taken) the token is not
 * spent and the operator can try again with the same link; two concurrent submissions cannot both
 * create an admin.
 */
import type { Locale } from '../../locales.ts';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { userTable } from '../../../../db/schema.ts';
import { db } from '../db.ts';
import { hashPassword } from './password.ts';
import { generateSecureRandomString } from '../random.ts';
import { consumeOneTimeToken, verifyOneTimeToken } from './tokens.ts';
import { countActiveAdmins, type UserRow } from './user.ts';

export type FirstAdminOutcome =
	{ ok: true; user: UserRow } | { ok: false; reason: 'invalidLink' | 'emailTaken' };

/** Thrown inside the transaction to roll it back with a reason. */
class Refusal extends Error {
	constructor(readonly reason: 'invalidLink' | 'emailTaken') {
		super(reason);
	}
}

/** Creates the first admin, or says why not; the caller has validated and normalised the fields. */
export async function createFirstAdmin(fields: {
	token: string;
	email: string;
	name: string;
	password: string;
	locale: Locale;
}): Promise<FirstAdminOutcome> {
	// Hash outside the transaction: it takes ~100 ms and the write lock should not wait for it.
	const passwordHash = await hashPassword(fields.password);
	try {
		const user = await db.transaction(async (tx) => {
			const admins = await tx
				.select({ n: count() })
				.from(userTable)
				.where(and(eq(userTable.role, 'admin'), isNull(userTable.disabledAt)))
				.get();
			if ((admins?.n ?? 0) > 0) throw new Refusal('invalidLink');
			// The transaction offers the same query builder the token module uses.
			if ((await consumeOneTimeToken(tx as unknown as Database, fields.token, 'setup')) === null)
				throw new Refusal('invalidLink');
			const rows = await tx
				.insert(userTable)
				.values({
					id: generateSecureRandomString(),
					email: fields.email,
					name: fields.name,
					passwordHash,
					locale: fields.locale,
					role: 'admin',
				})
				.onConflictDoNothing({ target: userTable.email })
				.returning();
			if (!rows[0]) throw new Refusal('emailTaken');
			return rows[0];
		});
		return { ok: true, user };
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, reason: error.reason };
		throw error;
	}
}

/** True while no administrator exists and `token` is the setup link's, still unused. */
export async function isSetupTokenValid(token: string): Promise<boolean> {
	return (
		token !== '' &&
		(await countActiveAdmins()) === 0 &&
		(await verifyOneTimeToken(db, token, 'setup'))
	);
}
