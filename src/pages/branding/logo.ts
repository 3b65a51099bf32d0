/**
 * GET /branding/logo — the organisation's logo (ORGANISATION_LOGO), shown on the verify page;
 * 404 when none is configured.
 */
import type { APIRoute } from 'astro';
import { getBranding } from '~/lib/server/certificates/branding.ts';

export const GET: APIRoute = () => {
	const logo = getBranding().logo;
	if (!logo) return new Response('No logo is configured.', { status: 404 });
	return new Response(new Uint8Array(logo.data), {
		headers: { 'content-type': logo.type, 'cache-control': 'public, max-age=3600' },
	});
};
