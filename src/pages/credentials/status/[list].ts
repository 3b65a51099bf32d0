/**
 * GET /credentials/status/<n> — revocation list n (1, 2, …) as a signed
 * BitstringStatusListCredential: Data Integrity JSON-LD, or a VC-JWT with
 * `Accept: application/vc+jwt`. Re-signed only when a bit changes; ETag and `ttl` for caching.
 */
import type { APIRoute } from 'astro';
import { respondWithStatusList } from '~/lib/server/credentials/status-lists.ts';

export const GET: APIRoute = ({ params, request }) =>
	respondWithStatusList(request, 'revocation', params.list);
