import { describe, expect, it } from 'vitest';
import en from '../../content/i18n/en.json' with { type: 'json' };
import {
	createTranslator,
	getLocaleFromParam,
	getMissingKeys,
	localizePath,
	splitLocale,
} from '../../src/lib/i18n.ts';

describe('localizePath', () => {
	it('leaves English paths unprefixed and prefixes Bengali and Hindi', () => {
		expect(localizePath('/courses', 'en')).toBe('/courses');
		expect(localizePath('/courses', 'bn')).toBe('/bn/courses');
		expect(localizePath('/', 'hi')).toBe('/hi/');
	});
});

describe('splitLocale', () => {
	it('separates the locale prefix from the path', () => {
		expect(splitLocale('/bn/courses/excel')).toEqual({ locale: 'bn', path: '/courses/excel' });
		expect(splitLocale('/hi')).toEqual({ locale: 'hi', path: '/' });
		expect(splitLocale('/bnx/courses')).toEqual({ locale: 'en', path: '/bnx/courses' });
	});
});

describe('getLocaleFromParam', () => {
	it('accepts no prefix, bn and hi, and rejects en and anything else', () => {
		expect(getLocaleFromParam(undefined)).toBe('en');
		expect(getLocaleFromParam('bn')).toBe('bn');
		expect(getLocaleFromParam('en')).toBeNull();
		expect(getLocaleFromParam('fr')).toBeNull();
	});
});

describe('createTranslator', () => {
	it('fills placeholders', () => {
		expect(createTranslator('en')('catalogue.hours', { hours: 12 })).toBe('12 hours');
		expect(createTranslator('bn')('catalogue.hours', { hours: 12 })).toBe('১২ ঘণ্টা');
	});
});

describe('getMissingKeys', () => {
	it('finds no key missing from the Bengali and Hindi catalogues', () => {
		expect(getMissingKeys('bn')).toEqual([]);
		expect(getMissingKeys('hi')).toEqual([]);
	});

	it('has an English string for every key', () => {
		for (const value of Object.values(en)) expect(value.trim()).not.toBe('');
	});
});
