/**
 * GET /verify/<id>.png — the certificate as an image for link previews (og:image), showing its
 * current status like the PDF. 404 for unknown ids, or when the server cannot render images.
 */
import type { APIRoute } from 'astro';
import { SITE_URL } from 'astro:env/server';
import { getBranding } from '~/lib/server/certificates/branding.ts';
import { getCertificatePdf } from '~/lib/server/certificates/pdf.ts';
import { getCertificate } from '~/lib/server/certificates/records.ts';
import { getPreviewImage } from '~/lib/server/credentials/preview-image.ts';

export const GET: APIRoute = async ({ params }) => {
	const cert = await getCertificate(params.id ?? '');
	if (!cert) return new Response('Not found', { status: 404 });
	const key = [
		cert.id,
		cert.revokedAt?.getTime(),
		cert.supersededBy,
		cert.suspendedAt?.getTime(),
	].join('|');
	const png = await getPreviewImage(key, () => getCertificatePdf(cert, SITE_URL, getBranding()));
	if (!png) return new Response('No preview image', { status: 404 });
	return new Response(new Uint8Array(png), {
		headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=300' },
	});
};
