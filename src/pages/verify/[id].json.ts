/**
 * GET /verify/<id>.json — the certificate as a signed Open Badges 3.0 credential (VC-JOSE): a JSON
 * EnvelopedVerifiableCredential, or the compact JWS with `Accept: application/vc+jwt`.
 * Its `credentialStatus` points at the revocation list. Unknown or malformed ids: 404.
 */
import type { APIRoute } from 'astro';
import { getDownloadDisposition } from '../../lib/certificate-links.ts';
import { createTranslator } from '../../lib/i18n.ts';
import { getCertificate } from '../../lib/server/certificates.ts';
import { getSignedCertificate, respondWithCredential } from '../../lib/server/credential.ts';

export const GET: APIRoute = async ({ params, locals, request }) => {
	const cert = await getCertificate(params.id ?? '');
	if (!cert)
		return Response.json(
			{ error: createTranslator(locals.locale)('verify.notFoundBody') },
			{ status: 404 },
		);
	return respondWithCredential(request, getSignedCertificate(cert), {
		'content-disposition': getDownloadDisposition(
			cert.courseSlug,
			cert.learnerName,
			cert.id,
			'json',
		),
		'cache-control': 'no-cache',
		'access-control-allow-origin': '*',
	});
};
