/**
 * Small helpers shared by pages: the page's locale from the `[...lang]` param, redirects that keep
 * the locale, and the sign-in requirement.
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

/** A same-site path to return to after signing in, or the dashboard. Refuses other origins. */
export function getSafeNext(value: string | null | undefined, locale: Locale): string {
	if (value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
	return localizePath('/dashboard', locale);
}
