import { describe, expect, it } from 'vitest';
import {
	getDidWeb,
	getDownloadDisposition,
	getLinkedInUrl,
	isCertificateId,
	toAsciiSlug,
} from '../../src/lib/certificates/links.ts';
import { buildOpenBadgeCredential, buildStatusEntry } from '../../src/lib/credentials/model.ts';
import { splitRuns } from '../../src/lib/server/certificates/pdf-fonts.ts';
import {
	encodeStatusList,
	getStatusListPosition,
	isStatusSet,
	LIST_SIZE,
} from '../../src/lib/credentials/status-list.ts';

describe('getDidWeb', () => {
	it('uses the host, percent-encoding a port', () => {
		expect(getDidWeb('https://learn.example.org')).toBe('did:web:learn.example.org');
		expect(getDidWeb('https://learn.example.org/')).toBe('did:web:learn.example.org');
		expect(getDidWeb('http://127.0.0.1:4321')).toBe('did:web:127.0.0.1%3A4321');
	});
});

describe('isCertificateId', () => {
	it('accepts 32 lowercase base32 characters only', () => {
		expect(isCertificateId('abcdefghijklmnopqrstuvwxyz234567')).toBe(true);
		expect(isCertificateId('abcdefghijklmnopqrstuvwxyz23456')).toBe(false);
		expect(isCertificateId('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')).toBe(false);
		expect(isCertificateId('abcdefghijklmnopqrstuvwxyz234561')).toBe(false);
		expect(isCertificateId(undefined)).toBe(false);
	});
});

describe('getLinkedInUrl', () => {
	it('fills the add-to-profile form with the certificate', () => {
		const url = new URL(
			getLinkedInUrl('https://learn.example.org', {
				id: 'abcdefghijklmnopqrstuvwxyz234567',
				courseTitle: 'Excel for VAs & more',
				issuedAt: new Date('2026-03-05T23:30:00Z'),
			}),
		);
		expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
		expect(Object.fromEntries(url.searchParams)).toEqual({
			startTask: 'CERTIFICATION_NAME',
			name: 'Excel for VAs & more',
			organizationName: 'Dakshata',
			issueYear: '2026',
			issueMonth: '3',
			certUrl: 'https://learn.example.org/verify/abcdefghijklmnopqrstuvwxyz234567',
			certId: 'abcdefghijklmnopqrstuvwxyz234567',
		});
	});
});

describe('getLinkedInUrl with an organisation id', () => {
	it('sends organizationId instead of organizationName', () => {
		const url = new URL(
			getLinkedInUrl(
				'https://learn.example.org',
				{ id: 'abcdefghijklmnopqrstuvwxyz234567', courseTitle: 'Excel', issuedAt: new Date() },
				'1337',
			),
		);
		expect(url.searchParams.get('organizationId')).toBe('1337');
		expect(url.searchParams.has('organizationName')).toBe(false);
	});
});

describe('getDownloadDisposition', () => {
	it('gives an ASCII file name and the full name in filename*', () => {
		expect(getDownloadDisposition('excel', 'রহিমা খাতুন', 'abcdefghijkl', 'pdf')).toBe(
			`inline; filename="dakshata-certificate-excel-abcdefgh.pdf"; filename*=UTF-8''dakshata-certificate-excel-${encodeURIComponent('রহিমা-খাতুন')}.pdf`,
		);
		expect(getDownloadDisposition('excel', 'O\'Brien "Jo"', 'x', 'json')).toBe(
			`inline; filename="dakshata-credential-excel-o-brien-jo.json"; filename*=UTF-8''dakshata-credential-excel-o%27brien-jo.json`,
		);
	});

	it('folds accents for the ASCII name', () => {
		expect(toAsciiSlug('Zoë Ñúñez-Khan')).toBe('zoe-nunez-khan');
	});
});

describe('status list', () => {
	it('maps global indexes to lists and positions', () => {
		expect(getStatusListPosition(0)).toEqual({ list: 1, position: 0 });
		expect(getStatusListPosition(LIST_SIZE + 5)).toEqual({ list: 2, position: 5 });
	});

	it('sets exactly the given bits, most significant bit first', () => {
		const list = encodeStatusList([0, 9, LIST_SIZE - 1]);
		expect(list.startsWith('u')).toBe(true);
		for (const p of [0, 9, LIST_SIZE - 1]) expect(isStatusSet(list, p)).toBe(true);
		for (const p of [1, 8, 10, LIST_SIZE - 2]) expect(isStatusSet(list, p)).toBe(false);
		expect(() => encodeStatusList([LIST_SIZE])).toThrow(RangeError);
	});
});

describe('buildOpenBadgeCredential', () => {
	it('points credentialStatus at the revocation list, and the suspension entry at the same position', () => {
		const vc = buildOpenBadgeCredential(
			{
				id: 'abcdefghijklmnopqrstuvwxyz234567',
				courseSlug: 'excel',
				courseTitle: 'Excel',
				courseVersion: '1',
				learnerName: 'Asha',
				subjectId: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
				hours: 1,
				skills: ['Formulas'],
				issuedAt: new Date('2026-01-01T00:00:00Z'),
				statusIndex: LIST_SIZE + 7,
			},
			'https://learn.example.org',
		);
		expect(vc.credentialStatus).toEqual({
			id: 'https://learn.example.org/credentials/status/2#7',
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListIndex: '7',
			statusListCredential: 'https://learn.example.org/credentials/status/2',
		});
		expect(buildStatusEntry('https://learn.example.org', LIST_SIZE + 7, 'suspension')).toEqual({
			id: 'https://learn.example.org/credentials/suspension/2#7',
			type: 'BitstringStatusListEntry',
			statusPurpose: 'suspension',
			statusListIndex: '7',
			statusListCredential: 'https://learn.example.org/credentials/suspension/2',
		});
		expect(vc.credentialSubject.id).toBe('urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e');
		expect(vc.validFrom).toBe('2026-01-01T00:00:00.000Z');
	});
});

describe('splitRuns', () => {
	it('keeps each script in its own font and conjuncts in one run', () => {
		expect(splitRuns('Rahima রহিমা', 700).runs).toEqual([
			{ key: 'noto-sans-latin-700', text: 'Rahima ' },
			{ key: 'noto-sans-bengali-bengali-700', text: 'রহিমা' },
		]);
		expect(splitRuns('क्षत्रिय', 400).runs).toEqual([
			{ key: 'noto-sans-devanagari-devanagari-400', text: 'क्षत्रिय' },
		]);
	});

	it('reports characters no font covers', () => {
		expect(splitRuns('王 Li', 400).missing).toEqual([]);
		expect(splitRuns('\uE001 Li', 400).missing).toEqual(['\uE001']);
	});
});
