/**
 * Access decisions for pages and endpoints: signed in, and with a role. Anonymous visitors are sent
 * to sign in; signed-in users without the role get 403.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../i18n.ts';
import { redirectToSignIn } from '../page.ts';
import type { SessionUser } from './session.ts';

/** The user; or the redirect to sign in (anonymous visitors); or `forbidden` (signed in, without the role). */
export type AccessResult =
	| { user: SessionUser; redirect?: undefined; forbidden?: undefined }
	| { user?: undefined; redirect: Response; forbidden?: undefined }
	| { user?: undefined; redirect?: undefined; forbidden: true };

/** Requires a signed-in user with one of `roles` (any role when empty). */
export function requireRole(
	Astro: AstroGlobal,
	locale: Locale,
	roles: SessionUser['role'][] = [],
): AccessResult {
	const user = Astro.locals.user;
	if (!user) return { redirect: redirectToSignIn(Astro, locale) };
	if (roles.length > 0 && !roles.includes(user.role)) return { forbidden: true };
	return { user };
}
