/**
 * GET /.well-known/did.json — the issuer's did:web document (did:web:<host>, with %3A before a
 * port), publishing the Ed25519 public key that signs certificates and status lists.
 */
import type { APIRoute } from 'astro';
import { getDidDocument } from '~/lib/server/credentials/signing.ts';

export const GET: APIRoute = () =>
	new Response(JSON.stringify(getDidDocument(), null, 2), {
		headers: {
			'content-type': 'application/did+json',
			'cache-control': 'public, max-age=300',
			'access-control-allow-origin': '*',
		},
	});
