/**
 * GET /credentials/suspension/<n> — suspension list n (1, 2, …): reversible holds, in the same
 * forms as the revocation list (/credentials/status/<n>).
 */
import type { APIRoute } from 'astro';
import { respondWithStatusList } from '~/lib/server/credentials/status-lists.ts';

export const GET: APIRoute = ({ params, request }) =>
	respondWithStatusList(request, 'suspension', params.list);
