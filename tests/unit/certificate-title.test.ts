/**
 * A certificate stores the English course title; a learner who studied in Bengali or Hindi also sees
 * the course title in that language on the PDF and the verify page: "Translated (English)".
 */
import { describe, expect, it } from 'vitest';
import { certificateTitle } from '../../src/lib/certificates/title.ts';
import { renderCertificatePdf } from '../../src/lib/server/certificates/pdf.ts';
import { countNotdefGlyphs, extractText } from '../helpers/pdf.ts';

const cert = {
	id: 'abcdefghijklmnopqrstuvwxyz234567',
	learnerName: 'Nusrat Jahan',
	courseTitle: 'Excel for virtual assistants',
	courseVersion: '1.0',
	hours: 12,
	skills: ['Formulas', 'Pivot tables'],
	issuedAt: new Date('2026-03-05T00:00:00Z'),
	revokedAt: null,
	supersededBy: null,
};

describe('certificateTitle', () => {
	it('puts the translated title first and the English title in brackets', () => {
		expect(
			certificateTitle('Excel for virtual assistants', 'ভার্চুয়াল অ্যাসিস্ট্যান্টদের জন্য Excel').text,
		).toBe('ভার্চুয়াল অ্যাসিস্ট্যান্টদের জন্য Excel (Excel for virtual assistants)');
	});
	it('shows the English title alone when there is no translation or it is the same', () => {
		expect(certificateTitle('Excel for virtual assistants', undefined)).toEqual({
			english: 'Excel for virtual assistants',
			text: 'Excel for virtual assistants',
		});
		expect(
			certificateTitle('Excel for virtual assistants', 'Excel for virtual assistants').translated,
		).toBeUndefined();
	});
});

describe('certificate PDF', () => {
	it('prints the Bengali course title and the English title', async () => {
		const pdf = await renderCertificatePdf(
			{ ...cert, courseTitleTranslated: 'ভার্চুয়াল অ্যাসিস্ট্যান্টদের জন্য Excel' },
			'https://learn.example.org',
		);
		const text = extractText(pdf);
		expect(text).toContain('ভার্চুয়াল অ্যাসিস্ট্যান্টদের জন্য Excel');
		expect(text).toContain('(Excel for virtual assistants)');
		expect(countNotdefGlyphs(pdf)).toBe(0);
	});
	it('prints only the English title when there is no translation', async () => {
		const text = extractText(await renderCertificatePdf(cert, 'https://learn.example.org'));
		expect(text).toContain('Excel for virtual assistants');
		expect(text).not.toContain('(Excel for virtual assistants)');
	});
});
