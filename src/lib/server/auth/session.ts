/**
 * Sessions, following the Lucia guide (lucia-auth.com; `code/auth_session.ts` in lucia-auth/lucia),
 * implemented here with @oslojs/crypto and @oslojs/encoding because the `lucia` package is
 * deprecated.
 *
 * Token: `<id>.<secret>`, each 24 characters = 120 bits from the CSPRNG. The database keeps the id
 * and SHA-256(secret) only, so a leaked database holds no usable token; the secret is compared in
 * constant time.
 *
 * Lifecycle:
 * - created on every sign-in (never reused across sign-ins);
 * - inactivity timeout 30 days: `lastVerifiedAt` is moved forward at most once an hour, so an
 *   ordinary page view costs one indexed read and no write;
 * - absolute lifetime 180 days from creation, whatever the activity;
 * - ended by sign-out, by the user from the account page, by a password reset or change (all
 *   others), and when an admin disables the account (all).
 * A session of a disabled user is refused and deleted at validation.
 */
import type { Locale } from '../../locales.ts';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, eq, ne } from 'drizzle-orm';
import { sessionTable, userTable } from '../../../../db/schema.ts';
import { db } from '../db.ts';
import { generateSecureRandomString } from '../random.ts';

export const INACTIVITY_TIMEOUT_MS = 30 * 24 * 60 * 60 * 1000;
export const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	lastVerifiedAt: Date;
	device: string;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: 'learner' | 'instructor' | 'admin';
	locale: Locale;
	/** True once the owner confirmed the address (a link sent to it); instructor access needs it. */
	emailVerified: boolean;
}

export interface SessionWithToken extends Session {
	token: string;
}

const hashSecret = (secret: string) => Buffer.from(sha256(new TextEncoder().encode(secret)));

/** Creates a session for a user and returns it with its token (shown to the browser once). */
export async function createSession(userId: string, device: string): Promise<SessionWithToken> {
	const now = new Date();
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const session: Session = {
		id,
		userId,
		createdAt: now,
		lastVerifiedAt: now,
		device: device.slice(0, 120),
	};
	await db.insert(sessionTable).values({ ...session, secretHash: hashSecret(secret) });
	return { ...session, token: `${id}.${secret}` };
}

/** Splits a session token into its id and secret, or null when it is malformed. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	if (!/^[a-z2-9]{24}$/.test(id) || !/^[a-z2-9]{24}$/.test(secret)) return null;
	return { id, secret };
}

/**
 * The rules a stored session is judged by (one place, for `validateSessionToken` and the signed-in
 * page cache's reader): the secret must match (constant time); a disabled user's, an inactive or a
 * too old session has ended; one last verified over an hour ago is valid and due to be extended.
 */
export function judgeSession(
	stored: { secretHash: Uint8Array; createdAt: number; lastVerifiedAt: number; disabled: boolean },
	secret: string,
	now: number,
): 'wrong-secret' | 'ended' | 'extend' | 'valid' {
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(stored.secretHash)))
		return 'wrong-secret';
	if (
		stored.disabled ||
		now - stored.lastVerifiedAt >= INACTIVITY_TIMEOUT_MS ||
		now - stored.createdAt >= ABSOLUTE_LIFETIME_MS
	)
		return 'ended';
	if (now - stored.lastVerifiedAt >= ACTIVITY_CHECK_INTERVAL_MS) return 'extend';
	return 'valid';
}

/**
 * Validates a token. Returns the session and its user, or null for a malformed, unknown, tampered,
 * expired or ended token (and deletes expired sessions). Refreshes `lastVerifiedAt` at most hourly;
 * `refreshed` tells the caller to re-send the cookie with a new expiry.
 */
export async function validateSessionToken(
	token: string,
): Promise<{ session: Session; user: SessionUser; refreshed: boolean } | null> {
	const parsed = parseSessionToken(token);
	if (!parsed) return null;
	const { id, secret } = parsed;
	const row = await db
		.select({ session: sessionTable, user: userTable })
		.from(sessionTable)
		.innerJoin(userTable, eq(sessionTable.userId, userTable.id))
		.where(eq(sessionTable.id, id))
		.get();
	if (!row) return null;
	const now = Date.now();
	const { session: s, user: u } = row;
	const verdict = judgeSession(
		{
			secretHash: s.secretHash,
			createdAt: s.createdAt.getTime(),
			lastVerifiedAt: s.lastVerifiedAt.getTime(),
			disabled: u.disabledAt !== null,
		},
		secret,
		now,
	);
	if (verdict === 'wrong-secret') return null;
	if (verdict === 'ended') {
		await invalidateSession(id);
		return null;
	}
	let refreshed = false;
	if (verdict === 'extend') {
		s.lastVerifiedAt = new Date(now);
		await db
			.update(sessionTable)
			.set({ lastVerifiedAt: s.lastVerifiedAt })
			.where(eq(sessionTable.id, id));
		refreshed = true;
	}
	return {
		session: {
			id: s.id,
			userId: s.userId,
			createdAt: s.createdAt,
			lastVerifiedAt: s.lastVerifiedAt,
			device: s.device,
		},
		user: {
			id: u.id,
			email: u.email,
			name: u.name,
			role: u.role,
			locale: u.locale,
			emailVerified: u.emailVerifiedAt !== null,
		},
		refreshed,
	};
}

/** Ends one session. */
export async function invalidateSession(sessionId: string): Promise<void> {
	await db.delete(sessionTable).where(eq(sessionTable.id, sessionId));
}

/** Ends one of a user's sessions; returns false when it is not theirs (nothing changes). */
export async function invalidateOwnSession(userId: string, sessionId: string): Promise<boolean> {
	const result = await db
		.delete(sessionTable)
		.where(and(eq(sessionTable.id, sessionId), eq(sessionTable.userId, userId)));
	return result.rowsAffected > 0;
}

/** Ends all of a user's sessions, or all but `exceptSessionId`. */
export async function invalidateUserSessions(
	userId: string,
	exceptSessionId?: string,
): Promise<void> {
	await db
		.delete(sessionTable)
		.where(
			exceptSessionId
				? and(eq(sessionTable.userId, userId), ne(sessionTable.id, exceptSessionId))
				: eq(sessionTable.userId, userId),
		);
}

/** A user's active sessions, most recently seen first. */
export async function getUserSessions(userId: string): Promise<Session[]> {
	const rows = await db
		.select({
			id: sessionTable.id,
			userId: sessionTable.userId,
			createdAt: sessionTable.createdAt,
			lastVerifiedAt: sessionTable.lastVerifiedAt,
			device: sessionTable.device,
		})
		.from(sessionTable)
		.where(eq(sessionTable.userId, userId));
	const now = Date.now();
	return rows
		.filter(
			(s) =>
				now - s.lastVerifiedAt.getTime() < INACTIVITY_TIMEOUT_MS &&
				now - s.createdAt.getTime() < ABSOLUTE_LIFETIME_MS,
		)
		.sort((a, b) => b.lastVerifiedAt.getTime() - a.lastVerifiedAt.getTime());
}

/** A short device description from a User-Agent header, e.g. "Chrome on Android". */
export function describeDevice(userAgent: string | null): string {
	const ua = userAgent ?? '';
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /OPR\/|Opera/.test(ua)
			? 'Opera'
			: /SamsungBrowser/.test(ua)
				? 'Samsung Internet'
				: /Firefox\//.test(ua)
					? 'Firefox'
					: /Chrome\/|Chromium\//.test(ua)
						? 'Chrome'
						: /Safari\//.test(ua)
							? 'Safari'
							: 'Browser';
	const system = /Android/.test(ua)
		? 'Android'
		: /iPhone|iPad/.test(ua)
			? 'iOS'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X/.test(ua)
					? 'macOS'
					: /Linux/.test(ua)
						? 'Linux'
						: 'unknown system';
	return `${browser} on ${system}`;
}
