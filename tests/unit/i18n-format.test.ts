import { describe, expect, it } from 'vitest';
import { createTranslator, formatMessage } from '../../src/lib/i18n.ts';

describe('formatMessage', () => {
	it('picks the English singular and plural forms', () => {
		const template = '{n, plural, one {# hour} other {# hours}}';
		expect(formatMessage(template, { n: 1 }, 'en')).toBe('1 hour');
		expect(formatMessage(template, { n: 12 }, 'en')).toBe('12 hours');
	});

	it('uses the Hindi plural rules, where 0 and 1 take the singular', () => {
		const template = '{n, plural, one {# घंटा} other {# घंटे}}';
		expect(formatMessage(template, { n: 1 }, 'hi')).toBe('1 घंटा');
		expect(formatMessage(template, { n: 3 }, 'hi')).toBe('3 घंटे');
	});

	it('prefers an exact form over the category', () => {
		expect(
			formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 }, 'en'),
		).toBe('none');
	});

	it('writes numbers in Bengali digits on Bengali pages, with Indian grouping', () => {
		expect(formatMessage('{done} / {required}', { done: 16, required: 123456 }, 'bn')).toBe(
			'১৬ / ১,২৩,৪৫৬',
		);
	});

	it('leaves strings as they are and unknown placeholders in place', () => {
		expect(formatMessage('{name} {missing}', { name: '12' }, 'bn')).toBe('12 {missing}');
	});
});

describe('createTranslator', () => {
	it('says "1 hour", not "1 hours", on English course cards', () => {
		expect(createTranslator('en')('catalogue.hours', { hours: 1 })).toBe('1 hour');
		expect(createTranslator('en')('catalogue.hours', { hours: 6 })).toBe('6 hours');
	});

	it('shows Bengali progress figures in Bengali digits, like Bengali dates', () => {
		const text = createTranslator('bn')('course.progressText', {
			done: 12,
			required: 16,
			percent: 75,
		});
		expect(text).toContain('১২');
		expect(text).toContain('১৬');
		expect(text).not.toMatch(/[0-9]/);
	});
});
