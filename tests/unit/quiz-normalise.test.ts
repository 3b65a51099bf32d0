import { describe, expect, it } from 'vitest';
import {
	foldDigits,
	getMatchKey,
	matchesAny,
	normaliseText,
	parseTypedNumber,
} from '../../src/lib/quiz/normalise.ts';

describe('foldDigits', () => {
	it('turns Bengali, Devanagari and Arabic-Indic digits into ASCII digits', () => {
		expect(foldDigits('০১২৩৪৫৬৭৮৯')).toBe('0123456789');
		expect(foldDigits('०१२३४५६७८९')).toBe('0123456789');
		expect(foldDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲')).toBe('0123456789 012');
		expect(foldDigits('abc 12')).toBe('abc 12');
	});
});

describe('normaliseText', () => {
	it('folds case, collapses spaces and turns punctuation into spaces', () => {
		expect(normaliseText('  Client-Tip!  ')).toBe('client tip');
		expect(normaliseText('Circle\tInvalid\n Data.')).toBe('circle invalid data');
	});

	it('keeps symbols such as = and + that carry meaning in formulas and shortcuts', () => {
		expect(normaliseText('=SUM(B2:B9)')).toBe('=sum b2 b9');
		expect(normaliseText('Ctrl+C')).toBe('ctrl+c');
	});

	it('maps full-width and compatibility characters to their plain forms (NFKC)', () => {
		expect(normaliseText('ＳＵＭ')).toBe('sum');
		expect(normaliseText('ﬁle')).toBe('file');
	});

	it('keeps Bengali letters, vowel signs and virama, and strips the danda', () => {
		expect(normaliseText('কম্পিউটার।')).toBe('কম্পিউটার');
		expect(normaliseText('কলম')).not.toBe(normaliseText('কলমে'));
	});

	it('keeps Devanagari letters and combining marks, and strips danda and double danda', () => {
		expect(normaliseText('नमस्ते॥')).toBe('नमस्ते');
		expect(normaliseText('हिंदी')).not.toBe(normaliseText('हिदी'));
	});

	it('writes Bengali and Devanagari digits as ASCII digits', () => {
		expect(normaliseText('২০ টাকা।')).toBe('20 টাকা');
		expect(normaliseText('१०० रुपये')).toBe('100 रुपये');
	});
});

describe('getMatchKey and matchesAny', () => {
	it('treats spacing and hyphens alike', () => {
		expect(matchesAny('clienttip', ['client tip'])).toBe(true);
		expect(matchesAny('CLIENT - TIP', ['client tip'])).toBe(true);
		expect(matchesAny('client tips', ['client tip'])).toBe(false);
	});

	it('matches Bengali য় typed as one code point or as য + nukta', () => {
		expect(matchesAny('\u09DF', ['\u09AF\u09BC'])).toBe(true);
		expect(matchesAny('সময়', ['সময়'])).toBe(true);
	});

	it('matches Devanagari क़ typed precomposed or decomposed', () => {
		expect(matchesAny('\u0958लम', ['\u0915\u093C\u0932\u092E'])).toBe(true);
	});

	it('ignores zero-width joiners and non-joiners, and reads the old khanda-ta spelling as ৎ', () => {
		expect(matchesAny('ক্\u200Dষ', ['ক্ষ'])).toBe(true);
		expect(matchesAny('हिन्\u200Cदी', ['हिन्दी'])).toBe(true);
		expect(matchesAny('উ\u09A4\u09CD\u200Dসব', ['উৎসব'])).toBe(true);
	});

	it('never matches an empty or punctuation-only answer', () => {
		expect(getMatchKey(' ?! ')).toBe('');
		expect(matchesAny('', [''])).toBe(false);
		expect(matchesAny('...', ['.'])).toBe(false);
	});
});

describe('parseTypedNumber', () => {
	it('reads plain, signed and decimal numbers', () => {
		expect(parseTypedNumber('42')).toBe(42);
		expect(parseTypedNumber(' -3.5 ')).toBe(-3.5);
		expect(parseTypedNumber('.5')).toBe(0.5);
		expect(parseTypedNumber('\u22127')).toBe(-7);
	});

	it('reads Bengali and Devanagari digits', () => {
		expect(parseTypedNumber('১০০')).toBe(100);
		expect(parseTypedNumber('१२.५')).toBe(12.5);
	});

	it('reads Western and Indian thousands separators, and a decimal comma', () => {
		expect(parseTypedNumber('1,234,567')).toBe(1234567);
		expect(parseTypedNumber('12,34,567.25')).toBe(1234567.25);
		expect(parseTypedNumber('১,২৩,৪৫৬')).toBe(123456);
		expect(parseTypedNumber('12,5')).toBe(12.5);
		expect(parseTypedNumber('1 000')).toBe(1000);
	});

	it('ignores a danda or full stop that ends the answer, in every script', () => {
		expect(parseTypedNumber('১০০।')).toBe(100);
		expect(parseTypedNumber('१००।')).toBe(100);
		expect(parseTypedNumber('100.')).toBe(100);
		expect(parseTypedNumber('100।।')).toBe(100);
		expect(parseTypedNumber('১০০।৫')).toBeNull();
	});

	it("accepts any of the author's units and currency words, before or after the number", () => {
		const units = ['Rs', '₹', 'টাকা', 'रुपये'];
		expect(parseTypedNumber('Rs 21,600', units)).toBe(21600);
		expect(parseTypedNumber('Rs. 21,600', units)).toBe(21600);
		expect(parseTypedNumber('২১,৬০০ টাকা।', units)).toBe(21600);
		expect(parseTypedNumber('₹21,600', units)).toBe(21600);
		expect(parseTypedNumber('21,600 रुपये', units)).toBe(21600);
		expect(parseTypedNumber('21,600 dollars', units)).toBeNull();
		expect(parseTypedNumber('12 USD per hour', ['USD', 'USD per hour'])).toBe(12);
	});

	it('accepts the unit or a currency sign around the number', () => {
		expect(parseTypedNumber('100 minutes', 'minutes')).toBe(100);
		expect(parseTypedNumber('100 Minutes', 'minutes')).toBe(100);
		expect(parseTypedNumber('15%', '%')).toBe(15);
		expect(parseTypedNumber('৳ 500')).toBe(500);
		expect(parseTypedNumber('₹1,200')).toBe(1200);
	});

	it('refuses text that is not a number', () => {
		expect(parseTypedNumber('')).toBeNull();
		expect(parseTypedNumber('ten')).toBeNull();
		expect(parseTypedNumber('1.2.3')).toBeNull();
		expect(parseTypedNumber('100 hours', 'minutes')).toBeNull();
		expect(parseTypedNumber('1e999')).toBeNull();
	});
});
