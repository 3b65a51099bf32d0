/**
 * Classifying spreadsheet number-format codes (`#,##0.00`, `[$₹-4009] #,##0`, `dd/mm/yyyy`, `0.0%`)
 * into the categories a step asks for. Excel, LibreOffice and Google Sheets write different codes
 * for the same choice in the menu, so the category is read from the code's tokens, not matched as
 * a string.
 */

/** What a number format shows a number as. */
export type FormatCategory =
	'date' | 'time' | 'currency' | 'percent' | 'number' | 'text' | 'general';

const CURRENCY = /[$€£¥₹৳₨]|\b(Rs|Tk|BDT|INR|USD|EUR|GBP)\b/i;

function firstSection(code: string): string {
	let inQuote = false;
	for (let i = 0; i < code.length; i++) {
		if (code[i] === '"') inQuote = !inQuote;
		else if (code[i] === '\\') i++;
		else if (code[i] === ';' && !inQuote) return code.slice(0, i);
	}
	return code;
}

/** The code's first section with quoted text, escapes, colours and locale tags removed. */
function stripLiterals(section: string): string {
	return section
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/\[[^\]]*\]/g, (tag) => (/^\[(h+|m+|s+)\]$/i.test(tag) ? tag.slice(1, -1) : ''))
		.replace(/_./g, '')
		.replace(/\*./g, '');
}

function hasCurrency(section: string): boolean {
	const tags = [...section.matchAll(/\[\$([^\]-]*)-?[^\]]*\]/g)].map((m) => m[1] ?? '');
	if (tags.some((symbol) => symbol.trim() !== '')) return true;
	const withoutTags = section.replace(/\[[^\]]*\]/g, '');
	return CURRENCY.test(withoutTags);
}

/** The category of a number-format code. */
export function classifyFormat(code: string): FormatCategory {
	if (/^general$/i.test(code.trim())) return 'general';
	const section = firstSection(code);
	const bare = stripLiterals(section);
	if (bare.trim() === '@') return 'text';
	if (bare.includes('%')) return 'percent';
	if (/[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/[0#?]/.test(bare)))
		return 'date';
	if (/[hs]/i.test(bare) || /AM\/PM/i.test(section)) return 'time';
	if (hasCurrency(section)) return 'currency';
	if (/[0#?]/.test(bare)) return 'number';
	return 'general';
}

/** Decimal places the code shows (digits after the decimal point in its first section). */
export function countDecimals(code: string): number {
	const bare = stripLiterals(firstSection(code));
	const dot = bare.indexOf('.');
	if (dot < 0) return 0;
	return (bare.slice(dot + 1).match(/^[0#?]+/)?.[0] ?? '').length;
}
