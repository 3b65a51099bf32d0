/**
 * The project leak scan itself (tests/helpers/leak-scan.ts): it must not report what is no one's
 * data on every page (a false finding failed the suite at random, whenever an attempt's seed made an
 * expected value of 2000), and must still report a value planted in visible text or a URL's query.
 */
import { describe, expect, it } from 'vitest';
import { findProjectLeaks, type ProjectSecrets } from '../helpers/leak-scan.ts';

const secrets: ProjectSecrets = {
	projectId: 'order-report',
	seed: 'k3m9q2x7w4r8',
	attemptKey: 'DK1-k3m9q2x7w4r8-0123456789abcdef01234567',
	expected: { lineTotals: [2000, 38505, 2021] },
	publicText: 'Use XLOOKUP; Excel 2021 has it.',
};
const page =
	'<svg xmlns="http://www.w3.org/2000/svg"></svg>' +
	'<a href="http://127.0.0.1:38505/courses/excel/project-march-orders">back</a> Excel 2021';

describe('findProjectLeaks', () => {
	it('ignores XML namespaces, URL origins (a random port) and values the author wrote', () => {
		expect(
			findProjectLeaks(secrets, { html: [page], scripts: [{ name: 'a.js', source: page }] }),
		).toEqual([]);
	});

	it('reports an expected value in the page text, with separators, or in a URL query', () => {
		expect(
			findProjectLeaks(secrets, {
				html: [`${page}<p>Total ₹2,000</p><a href="/check?total=38505">check</a>`],
			}),
		).toEqual([
			'order-report: expected value "2,000" is visible',
			'order-report: expected value "38505" is visible',
		]);
	});
});
