/**
 * The session cookie. Over https (production) it is `__Host-session`: Secure, HttpOnly,
 * SameSite=Lax, Path=/, no Domain. Over plain http (a local install) it is `session`, without
 * Secure, because browsers drop Secure cookies on http. Which one is decided by SITE_URL.
 */
import type { AstroCookies } from 'astro';
import { SITE_URL } from 'astro:env/server';
import { INACTIVITY_TIMEOUT_MS } from './session.ts';

const secure = SITE_URL.startsWith('https:');
export const SESSION_COOKIE = secure ? '__Host-session' : 'session';

/** Sends the session cookie, valid for the inactivity timeout from now. */
export function setSessionCookie(cookies: AstroCookies, token: string): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		secure,
		sameSite: 'lax',
		path: '/',
		maxAge: Math.floor(INACTIVITY_TIMEOUT_MS / 1000),
	});
}

/** Clears the session cookie. */
export function deleteSessionCookie(cookies: AstroCookies): void {
	cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		secure,
		sameSite: 'lax',
		path: '/',
		maxAge: 0,
	});
}

/** The session token sent with a request, if any. */
export function getSessionToken(cookies: AstroCookies): string | undefined {
	return cookies.get(SESSION_COOKIE)?.value || undefined;
}
