/**
 * GET /verify/<id>.pdf — the certificate as a PDF (public, no sign-in). It shows the certificate's
 * current status (a revoked or replaced one says so on the page), and the course title in the
 * learner's language above the English one. Unknown or malformed ids: 404.
 */
import type { APIRoute } from 'astro';
import { SITE_URL } from 'astro:env/server';
import { getDownloadDisposition } from '~/lib/certificates/links.ts';
import { createTranslator } from '~/lib/i18n.ts';
import { getCertificatePdf } from '~/lib/server/certificates/pdf.ts';
import { getBranding } from '~/lib/server/certificates/branding.ts';
import { getCertificate, getLearnerLocale } from '~/lib/server/certificates/records.ts';
import { getTranslatedCourseTitle } from '~/lib/server/certificates/title.ts';

export const GET: APIRoute = async ({ params, locals }) => {
	const cert = await getCertificate(params.id ?? '');
	if (!cert) {
		const t = createTranslator(locals.locale);
		return new Response(t('verify.notFoundBody'), {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		});
	}
	// The course title in the learner's language too ("Translated (English)"), looked up by slug.
	const courseTitleTranslated = await getTranslatedCourseTitle(
		cert.courseSlug,
		await getLearnerLocale(cert.userId),
	);
	const pdf = await getCertificatePdf({ ...cert, courseTitleTranslated }, SITE_URL, getBranding());
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': getDownloadDisposition(
				cert.courseSlug,
				cert.learnerName,
				cert.id,
				'pdf',
			),
			// Revocation must show at once: caches revalidate every time.
			'cache-control': 'no-cache',
		},
	});
};
