/**
 * The languages of the site, in one place: every list of locales, locale type and locale schema
 * is built from `LOCALES`. English is the default and the source of every translation. No imports,
 * so db/schema.ts, scripts and the Astro config can use it too.
 */

/** The supported locales, English (the default) first. */
export const LOCALES = ['en', 'bn', 'hi'] as const;
export type Locale = (typeof LOCALES)[number];

/** True when `value` names a supported locale. */
export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locales translated from English. */
export type TranslationLocale = Exclude<Locale, 'en'>;
export const TRANSLATION_LOCALES = LOCALES.filter((l): l is TranslationLocale => l !== 'en');

/** The translation locales as a regular-expression alternation (`bn|hi`), for paths and file names. */
export const TRANSLATION_LOCALE_PATTERN = TRANSLATION_LOCALES.join('|');

/** The BCP 47 tag each locale formats dates and numbers with (`Intl`). */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-GB', bn: 'bn-BD', hi: 'hi-IN' };
