import { describe, expect, it } from 'vitest';
import { encodeCsv, encodeCsvCell, getCsvFileName } from '../../src/lib/analytics/csv.ts';

describe('encodeCsvCell', () => {
	it('quotes text and doubles inner quotes', () => {
		expect(encodeCsvCell('plain')).toBe('"plain"');
		expect(encodeCsvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
		expect(encodeCsvCell('two\nlines')).toBe('"two\nlines"');
	});

	it('writes numbers bare and nothing for missing values', () => {
		expect(encodeCsvCell(42.5)).toBe('42.5');
		expect(encodeCsvCell(-0.25)).toBe('-0.25');
		expect(encodeCsvCell(null)).toBe('');
		expect(encodeCsvCell(undefined)).toBe('');
		expect(encodeCsvCell(Number.NaN)).toBe('');
	});

	it('defuses text a spreadsheet would run as a formula', () => {
		expect(encodeCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(encodeCsvCell('+1')).toBe(`"'+1"`);
		expect(encodeCsvCell('-2')).toBe(`"'-2"`);
		expect(encodeCsvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		expect(encodeCsvCell('a=b')).toBe('"a=b"');
	});

	it('keeps Bengali and Devanagari text intact', () => {
		expect(encodeCsvCell('রহিমা খাতুন')).toBe('"রহিমা খাতুন"');
		expect(encodeCsvCell('प्रिया शर्मा')).toBe('"प्रिया शर्मा"');
	});
});

describe('encodeCsv', () => {
	it('starts with a byte order mark and ends every line with CRLF', () => {
		expect(
			encodeCsv(
				['Name', 'Score'],
				[
					['Anita', 90],
					['রহিমা', null],
				],
			),
		).toBe('\uFEFF"Name","Score"\r\n"Anita",90\r\n"রহিমা",\r\n');
	});

	it('encodes to UTF-8 bytes beginning EF BB BF', () => {
		const bytes = new TextEncoder().encode(encodeCsv(['a'], []));
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});

describe('getCsvFileName', () => {
	it('names the course, the content and the day', () => {
		expect(getCsvFileName('excel', 'learners', new Date('2026-11-23T10:00:00Z'))).toBe(
			'excel-learners-2026-11-23.csv',
		);
	});
});
