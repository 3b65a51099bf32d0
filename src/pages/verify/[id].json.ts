/**
 * GET /verify/<id>.json — the certificate as a signed Open Badges 3.0 credential in Data Integrity
 * form: JSON-LD (VC 2.0 + OB 3.0 contexts) with an `eddsa-rdfc-2022` proof, which JSON-LD wallets
 * and verifiers accept. (`Accept: application/vc+jwt` still gets the VC-JWT, as /verify/<id>.jwt.)
 * Its `credentialStatus` points at the revocation and suspension lists. Unknown ids: 404.
 */
import type { APIRoute } from 'astro';
import { getDownloadDisposition } from '~/lib/certificates/links.ts';
import { createTranslator } from '~/lib/i18n.ts';
import { getCertificate } from '~/lib/server/certificates/records.ts';
import {
	getCertificateDataIntegrity,
	getCertificateJwt,
} from '~/lib/server/credentials/signing.ts';

export const GET: APIRoute = async ({ params, locals, request }) => {
	const cert = await getCertificate(params.id ?? '');
	if (!cert)
		return Response.json(
			{ error: createTranslator(locals.locale)('verify.notFoundBody') },
			{ status: 404 },
		);
	const headers = {
		'cache-control': 'no-cache',
		'access-control-allow-origin': '*',
		vary: 'accept',
	};
	if ((request.headers.get('accept') ?? '').includes('application/vc+jwt'))
		return new Response(await getCertificateJwt(cert), {
			headers: { ...headers, 'content-type': 'application/vc+jwt' },
		});
	return new Response(JSON.stringify(await getCertificateDataIntegrity(cert), null, 2), {
		headers: {
			...headers,
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': getDownloadDisposition(
				cert.courseSlug,
				cert.learnerName,
				cert.id,
				'json',
			),
		},
	});
};
