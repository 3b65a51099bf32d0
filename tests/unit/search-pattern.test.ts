import { describe, expect, it } from 'vitest';
import { normaliseSearchQuery, toLikePattern } from '../../src/lib/search-pattern.ts';

describe('normaliseSearchQuery', () => {
	it('brings both Unicode forms of Bengali য় and Devanagari क़ to one form', () => {
		expect(normaliseSearchQuery('\u09df')).toBe(normaliseSearchQuery('\u09af\u09bc'));
		expect(normaliseSearchQuery('\u0958')).toBe(normaliseSearchQuery('\u0915\u093c'));
	});

	it('trims and collapses white space', () => {
		expect(normaliseSearchQuery('  Asha \t Devi ')).toBe('Asha Devi');
	});
});

describe('toLikePattern', () => {
	it("escapes LIKE's wildcards and matches anywhere", () => {
		expect(toLikePattern(' 50%_off\\ ')).toBe('%50\\%\\_off\\\\%');
	});

	it('is null for an empty or blank query', () => {
		expect(toLikePattern('   ')).toBeNull();
	});
});
