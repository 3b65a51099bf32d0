/**
 * Small helpers shared by pages: the page's locale from the `[...lang]` param, redirects that keep
 * the locale, the sign-in requirement, and the page number of a paged list.
 */
import type { AstroGlobal } from 'astro';
import { getLocaleFromParam, localizePath, type Locale } from '../i18n.ts';

/** The page's locale, or null (the caller answers 404). */
export function getPageLocale(Astro: AstroGlobal): Locale | null {
	return getLocaleFromParam(Astro.params.lang);
}

/** A 303 redirect to a locale-prefixed path (after a successful POST). */
export function redirectTo(Astro: AstroGlobal, path: string, locale: Locale): Response {
	return Astro.redirect(localizePath(path, locale), 303);
}

/** Redirects anonymous visitors to sign in, coming back here afterwards. */
export function redirectToSignIn(Astro: AstroGlobal, locale: Locale): Response {
	const next = Astro.url.pathname + Astro.url.search;
	return Astro.redirect(`${localizePath('/login', locale)}?next=${encodeURIComponent(next)}`, 303);
}

/** Any origin works as the base: only "did it stay on this origin" matters. */
const SAME_ORIGIN_BASE = 'http://same-origin.invalid';

/**
 * A same-site path to return to after signing in, or the dashboard. Accepts only printable ASCII
 * (no spaces, control characters, backslashes or raw non-ASCII, which browsers and URL parsers
 * treat differently) that starts with one slash and still resolves to this origin, both as given
 * and after one round of percent-decoding (`/%2F/evil.example`).
 * @example getSafeNext('/courses/excel?x=1', 'en') // '/courses/excel?x=1'
 * @example getSafeNext('/%09/evil.example/', 'en') // '/dashboard'
 */
export function getSafeNext(value: string | null | undefined, locale: Locale): string {
	const fallback = localizePath('/dashboard', locale);
	if (
		!value ||
		value.length > 2048 ||
		!/^\/(?![/\\])[\x21-\x7e]*$/.test(value) ||
		value.includes('\\')
	)
		return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(value);
	} catch {
		return fallback;
	}
	if (/^\/[/\\]/.test(decoded) || /[\x00-\x1f\x7f]/.test(decoded)) return fallback;
	if (!URL.canParse(value, SAME_ORIGIN_BASE)) return fallback;
	const url = new URL(value, SAME_ORIGIN_BASE);
	if (url.origin !== SAME_ORIGIN_BASE) return fallback;
	return url.pathname + url.search + url.hash;
}

/** Reads a 1-based page number from a query string value (`?page=`), 1 when absent or out of range. */
export function parsePage(value: string | null): number {
	const n = Number(value ?? '1');
	return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
