/**
 * The issuer's branding on certificates, from the environment: a named signatory (name, title,
 * optional signature image) and the organisation's logo. Image files are read once, when first
 * needed; a file that cannot be read is logged and left out (the certificate is still issued).
 */
import {
	CERTIFICATE_SIGNATORY_NAME,
	CERTIFICATE_SIGNATORY_SIGNATURE,
	CERTIFICATE_SIGNATORY_TITLE,
	ORGANISATION_LOGO,
} from 'astro:env/server';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CertificateBranding } from './pdf.ts';
import { log } from '../log.ts';

let cached: CertificateBranding | undefined;

function readImage(setting: string, path: string | undefined) {
	if (!path) return undefined;
	try {
		const data = readFileSync(resolve(path));
		const type = /\.png$/i.test(path) ? ('image/png' as const) : ('image/jpeg' as const);
		return { data, type };
	} catch (error) {
		log.error(
			{ err: error, setting },
			'could not read a certificate branding image; leaving it out',
		);
		return undefined;
	}
}

/** The branding drawn on the PDF and shown on the verify page (all parts optional). */
export function getBranding(): CertificateBranding {
	cached ??= {
		signatoryName: CERTIFICATE_SIGNATORY_NAME?.normalize('NFC') || undefined,
		signatoryTitle: CERTIFICATE_SIGNATORY_TITLE?.normalize('NFC') || undefined,
		signature: readImage('CERTIFICATE_SIGNATORY_SIGNATURE', CERTIFICATE_SIGNATORY_SIGNATURE),
		logo: readImage('ORGANISATION_LOGO', ORGANISATION_LOGO),
	};
	return cached;
}
