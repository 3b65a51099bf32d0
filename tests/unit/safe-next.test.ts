import { describe, expect, it } from 'vitest';
import { getSafeNext } from '../../src/lib/server/page.ts';

describe('getSafeNext', () => {
	it.each([
		['/courses/excel', '/courses/excel'],
		['/bn/courses/excel/formulas?tab=2#quiz', '/bn/courses/excel/formulas?tab=2#quiz'],
		['/hi/dashboard', '/hi/dashboard'],
		['/courses/%E0%A6%95', '/courses/%E0%A6%95'],
	])('keeps the same-site path %s', (next, expected) => {
		expect(getSafeNext(next, 'en')).toBe(expected);
	});

	// Each of these has sent a browser to another site in some framework's redirect check.
	it.each([
		['protocol-relative', '//evil.example/'],
		['slash backslash', '/\\evil.example/'],
		['backslash anywhere', '/a\\..\\\\evil.example'],
		['tab after the slash (%09 decoded)', '/\t/evil.example/'],
		['tab still encoded', '/%09/evil.example/'],
		['CR LF (header injection)', '/\r\nLocation: https://evil.example/'],
		['CR LF still encoded', '/%0d%0aSet-Cookie:x=1'],
		['encoded slash', '/%2F/evil.example/'],
		['encoded backslash', '/%5C/evil.example/'],
		['encoded slash, upper case', '/%2f%2fevil.example'],
		['full-width solidus', '/／evil.example'],
		['full-width reverse solidus', '/＼evil.example'],
		['non-ASCII (U+2215 division slash)', '/∕evil.example'],
		['javascript: scheme', 'javascript:alert(1)'],
		['javascript: after a slash', '/javascript:alert(1)'.replace('/', '')],
		['absolute URL', 'https://evil.example/'],
		['scheme-relative with user info', '//user@evil.example'],
		['space before slashes', ' //evil.example'],
		['leading space', ' /dashboard'],
		['no leading slash', 'evil.example'],
		['data: URL', 'data:text/html,<script>alert(1)</script>'],
		['NUL byte', '/courses\u0000'],
		['bad percent-encoding', '/%E0%A4%'],
		['very long', `/${'a'.repeat(5000)}`],
		['empty', ''],
	])('refuses %s', (_name, next) => {
		expect(getSafeNext(next, 'en')).toBe('/dashboard');
	});

	it('falls back to the dashboard in the learner’s language', () => {
		expect(getSafeNext('//evil.example', 'bn')).toBe('/bn/dashboard');
		expect(getSafeNext(null, 'hi')).toBe('/hi/dashboard');
	});
});
