/**
 * Interface strings and locale-aware paths.
 *
 * Strings live in `content/i18n/<locale>.json`, one flat object per language (`"nav.courses":
 * "Courses"`). English is complete by definition; a key missing from Bengali or Hindi falls back to
 * English at run time and is reported by `npm run check` (see `getMissingKeys`).
 * English pages have no prefix; Bengali and Hindi pages live under `/bn/` and `/hi/`.
 */
import bn from '../../content/i18n/bn.json' with { type: 'json' };
import en from '../../content/i18n/en.json' with { type: 'json' };
import hi from '../../content/i18n/hi.json' with { type: 'json' };
import { isLocale, LOCALES, TRANSLATION_LOCALE_PATTERN, type Locale } from './locales.ts';

export { isLocale, LOCALES, type Locale };

/** A path in a translation locale: `/<locale>` and the rest. */
const LOCALE_PATH = new RegExp(`^/(${TRANSLATION_LOCALE_PATTERN})(/.*)?$`);

/** Each language's own name, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', bn: 'বাংলা', hi: 'हिन्दी' };

export type MessageKey = keyof typeof en;
type Catalogue = Partial<Record<MessageKey, string>>;

const catalogues: Record<Locale, Catalogue> = { en, bn: bn as Catalogue, hi: hi as Catalogue };

/**
 * The locale named by the optional `[...lang]` route segment: undefined is English; `bn`/`hi` are
 * themselves; anything else (including `en`, which has no prefix) is null, meaning "not found".
 */
export function getLocaleFromParam(param: string | undefined): Locale | null {
	if (param === undefined || param === '') return 'en';
	if (param !== 'en' && isLocale(param)) return param;
	return null;
}

/** The route param for a locale: undefined for English. */
export function getLangParam(locale: Locale): string | undefined {
	return locale === 'en' ? undefined : locale;
}

/**
 * Prefixes a site path for a locale.
 * @example localizePath('/courses', 'bn') // '/bn/courses'
 * @example localizePath('/', 'hi') // '/hi/'
 */
export function localizePath(path: string, locale: Locale): string {
	const clean = path.startsWith('/') ? path : `/${path}`;
	if (locale === 'en') return clean;
	return clean === '/' ? `/${locale}/` : `/${locale}${clean}`;
}

/**
 * Splits a pathname into its locale and the locale-free path.
 * @example splitLocale('/bn/courses/excel') // { locale: 'bn', path: '/courses/excel' }
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
	const match = LOCALE_PATH.exec(pathname);
	if (!match) return { locale: 'en', path: pathname || '/' };
	return { locale: match[1] as Locale, path: match[2] || '/' };
}

/** True when `key` is a string of the catalogue (English is complete by definition). */
export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(en, key);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * A translator for one locale. `{name}` placeholders are replaced from `vars`; numbers are written
 * with the locale's digits and grouping (Bengali digits on Bengali pages). A plural placeholder
 * picks its form with the locale's plural rules, `#` standing for the number:
 * @example t('catalogue.hours', { hours: 1 }) // "{hours, plural, one {# hour} other {# hours}}" → "1 hour"
 */
export function createTranslator(locale: Locale): Translate {
	const catalogue = catalogues[locale];
	return (key, vars) => {
		const template = catalogue[key] ?? en[key] ?? key;
		if (!vars) return template;
		return formatMessage(template, vars, locale);
	};
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** Fills a message template: plural placeholders first, then plain ones. */
export function formatMessage(
	template: string,
	vars: Record<string, string | number>,
	locale: Locale,
): string {
	const show = (value: string | number) =>
		typeof value === 'number' ? formatNumber(value, locale) : value;
	return template
		.replace(PLURAL, (whole, name: string, body: string) => {
			const value = Number(vars[name]);
			if (vars[name] === undefined || vars[name] === '' || !Number.isFinite(value)) return whole;
			const forms = new Map([...body.matchAll(PLURAL_FORM)].map((m) => [m[1]!, m[2]!]));
			const form =
				forms.get(`=${value}`) ??
				forms.get(pluralRules[locale].select(value)) ??
				forms.get('other') ??
				'';
			return form.replace(/#/g, formatNumber(value, locale));
		})
		.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? show(vars[name]!) : whole));
}

/** Keys English has that a locale lacks (empty for English). */
export function getMissingKeys(locale: Locale): MessageKey[] {
	const catalogue = catalogues[locale];
	return (Object.keys(en) as MessageKey[]).filter((key) => !(key in catalogue));
}

/** Formats a date for a locale, e.g. "23 November 2026" / "২৩ নভেম্বর ২০২৬". */
export function formatDate(date: Date, locale: Locale): string {
	return dateFormats[locale].format(date);
}

/** Formats a number for a locale. */
export function formatNumber(value: number, locale: Locale): string {
	return numberFormats[locale].format(value);
}

// Built once: creating an Intl formatter costs far more than using one (it was the top cost of
// rendering the certificate verify page under load).
const dateFormats = Object.fromEntries(
	LOCALES.map((l) => [
		l,
		new Intl.DateTimeFormat(`${l}-IN`, { dateStyle: 'long', timeZone: 'UTC' }),
	]),
) as Record<Locale, Intl.DateTimeFormat>;
const numberFormats = Object.fromEntries(
	LOCALES.map((l) => [l, new Intl.NumberFormat(`${l}-IN`)]),
) as Record<Locale, Intl.NumberFormat>;
const pluralRules = Object.fromEntries(LOCALES.map((l) => [l, new Intl.PluralRules(l)])) as Record<
	Locale,
	Intl.PluralRules
>;
