/**
 * Signing in, with throttling that holds across processes (counters in the database).
 *
 * Limits (fixed 15-minute windows unless stated):
 * - 5 failures for one account from one address: that address is refused for that account until
 *   the window ends. The account's owner, signing in from elsewhere, is not affected.
 * - 30 failures from one address across accounts (password spraying).
 * - 50 failures for one account from anywhere in an hour (a distributed guess): the account is
 *   refused for at most the rest of that hour, so a victim is never locked out for long.
 * The throttle is checked BEFORE the password is hashed, so refused attempts cost no argon2 work.
 * A successful sign-in clears the account-and-address counter.
 */
import { getRateLimitBlock, recordRateLimitHit, resetRateLimit } from '../rate-limit.ts';
import { verifyPassword } from './password.ts';
import { createSession, type SessionWithToken } from './session.ts';
import { getUserByEmail, type UserRow } from './user.ts';

const MINUTE = 60_000;
const LIMITS = {
	accountAddress: { limit: 5, windowMs: 15 * MINUTE },
	address: { limit: 30, windowMs: 15 * MINUTE },
	account: { limit: 50, windowMs: 60 * MINUTE },
};

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
const DUMMY_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2H8JOGsVC3pYyN4vWJ1f6v4fZ8d8RjX+P3T1m0XqVkU';

export type SignInResult =
	| { ok: true; user: UserRow; session: SessionWithToken }
	| { ok: false; reason: 'invalid' | 'disabled' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Checks credentials and opens a new session. `email` must be normalised. */
export async function signIn(
	email: string,
	password: string,
	address: string,
	device: string,
): Promise<SignInResult> {
	const keys = {
		accountAddress: `login:account-address:${email}:${address}`,
		address: `login:address:${address}`,
		account: `login:account:${email}`,
	};
	for (const name of ['accountAddress', 'address', 'account'] as const) {
		const block = await getRateLimitBlock(keys[name], LIMITS[name].limit, LIMITS[name].windowMs);
		if (!block.allowed)
			return { ok: false, reason: 'throttled', retryAfterSeconds: block.retryAfterSeconds };
	}
	const user = await getUserByEmail(email);
	const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
	if (!user || !valid) {
		await Promise.all(
			(['accountAddress', 'address', 'account'] as const).map((name) =>
				recordRateLimitHit(keys[name], LIMITS[name].windowMs),
			),
		);
		return { ok: false, reason: 'invalid' };
	}
	if (user.disabledAt) return { ok: false, reason: 'disabled' };
	await resetRateLimit(keys.accountAddress);
	const session = await createSession(user.id, device);
	return { ok: true, user, session };
}
