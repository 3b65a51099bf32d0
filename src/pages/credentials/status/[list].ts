/**
 * GET /credentials/status/<n> — revocation list n (1, 2, …) as a signed
 * BitstringStatusListCredential (same envelope and signature as certificates). Built from the
 * database on every request, so a revocation or reinstatement shows at once.
 */
import type { APIRoute } from 'astro';
import { getSignedStatusList, respondWithCredential } from '../../../lib/server/credential.ts';

export const GET: APIRoute = async ({ params, request }) => {
	const list = Number(params.list);
	if (!/^[1-9]\d{0,5}$/.test(params.list ?? '') || !Number.isSafeInteger(list)) {
		return Response.json({ error: 'No such status list.' }, { status: 404 });
	}
	return respondWithCredential(request, await getSignedStatusList(list), {
		'cache-control': 'no-cache',
		'access-control-allow-origin': '*',
	});
};
