/**
 * GET /verify/<id>.jwt — the certificate as a bare compact JWS: an Open Badges 3.0 VC-JWT
 * (header `typ: JWT`, claims iss/jti/nbf/sub; see src/lib/server/credentials/signing.ts), served as
 * `application/vc+jwt`. Unknown or malformed ids: 404.
 */
import type { APIRoute } from 'astro';
import { getDownloadDisposition } from '~/lib/certificates/links.ts';
import { createTranslator } from '~/lib/i18n.ts';
import { getCertificate } from '~/lib/server/certificates/records.ts';
import { getCertificateJwt } from '~/lib/server/credentials/signing.ts';

export const GET: APIRoute = async ({ params, locals }) => {
	const cert = await getCertificate(params.id ?? '');
	if (!cert)
		return new Response(createTranslator(locals.locale)('verify.notFoundBody'), {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		});
	return new Response(await getCertificateJwt(cert), {
		headers: {
			'content-type': 'application/vc+jwt',
			'cache-control': 'no-cache',
			'access-control-allow-origin': '*',
			'content-disposition': getDownloadDisposition(
				cert.courseSlug,
				cert.learnerName,
				cert.id,
				'jwt',
			),
		},
	});
};
