/**
 * Plural forms with Intl.PluralRules, so "1 hour" / "2 hours" (and Hindi's घंटा / घंटे) read right
 * in every language. Catalogues hold one key per CLDR category the languages use (`one`,
 * `other`); the count is formatted with the locale's digits.
 * @example formatPlural(t, 'bn', { one: 'verify.hoursOne', other: 'verify.hoursOther' }, 1, 'hours')
 */
import { formatNumber, type Locale, type MessageKey, type Translate } from './i18n.ts';

const rules = new Map<Locale, Intl.PluralRules>();

/** The CLDR plural category of `count` in `locale`, reduced to `one` or `other`. */
export function getPluralCategory(locale: Locale, count: number): 'one' | 'other' {
	let rule = rules.get(locale);
	if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
	return rule.select(count) === 'one' ? 'one' : 'other';
}

/** Translates the key for `count`'s plural category, with the count in the locale's digits. */
export function formatPlural(
	t: Translate,
	locale: Locale,
	keys: { one: MessageKey; other: MessageKey },
	count: number,
	name = 'count',
	vars: Record<string, string | number> = {},
): string {
	return t(keys[getPluralCategory(locale, count)], {
		...vars,
		[name]: formatNumber(count, locale),
	});
}
