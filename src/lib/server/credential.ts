/**
 * Signing credentials with the platform key, as W3C VC-JOSE (Securing Verifiable Credentials using
 * JOSE and COSE): the credential JSON is the JWS payload (plus the JWT claims Open Badges 3.0 asks
 * for: iss, jti, nbf), the protected header is `{ alg: EdDSA, typ: vc+jwt, cty: vc, kid }` where
 * `kid` is a verification method in the did:web document. Anyone can verify it offline with any
 * JOSE library and the public key; no JSON-LD processing is involved.
 *
 * Responses: by default an `EnvelopedVerifiableCredential` (JSON, `id` is a
 * `data:application/vc+jwt,<jws>` URL); with `Accept: application/vc+jwt`, the compact JWS itself.
 */
import { SITE_URL } from 'astro:env/server';
import { sign } from 'node:crypto';
import { getDidWeb } from '../certificate-links.ts';
import {
	buildDidDocument,
	buildOpenBadgeCredential,
	buildStatusListCredential,
	VC_CONTEXT,
} from '../credential-model.ts';
import { encodeStatusList, LIST_SIZE } from '../status-list.ts';
import type { Certificate } from './certificates.ts';
import { getRevokedStatusIndexes } from './certificates.ts';
import { getSigningKey } from './signing-key.ts';

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Signs a credential as a compact JWS (`application/vc+jwt`). */
export function signCredential(credential: {
	id: string;
	issuer: string | { id: string };
	validFrom: string;
}): string {
	const key = getSigningKey();
	const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
	const header = {
		alg: 'EdDSA',
		typ: 'vc+jwt',
		cty: 'vc',
		kid: `${getDidWeb(SITE_URL)}#${key.thumbprint}`,
	};
	const payload = {
		...credential,
		iss: issuer,
		jti: credential.id,
		nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
	};
	const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
	return `${input}.${b64(sign(null, Buffer.from(input), key.privateKey))}`;
}

/** The signed OpenBadgeCredential of a certificate, as a compact JWS. */
export function getSignedCertificate(cert: Certificate): string {
	return signCredential(buildOpenBadgeCredential(cert, SITE_URL));
}

/** The signed revocation list `list` (1-based) as a compact JWS; it reflects the database now. */
export async function getSignedStatusList(list: number): Promise<string> {
	const from = (list - 1) * LIST_SIZE;
	const revoked = await getRevokedStatusIndexes(from, from + LIST_SIZE);
	const encoded = encodeStatusList(revoked.map((i) => i - from));
	return signCredential(buildStatusListCredential(SITE_URL, list, encoded, new Date()));
}

/** The issuer's did:web document. */
export function getDidDocument() {
	const key = getSigningKey();
	return buildDidDocument(SITE_URL, key.publicJwk, key.thumbprint);
}

/**
 * The HTTP answer for a signed credential: the compact JWS when the client asks for
 * `application/vc+jwt`, otherwise the JSON envelope.
 */
export function respondWithCredential(
	request: Request,
	jws: string,
	headers: Record<string, string> = {},
): Response {
	if ((request.headers.get('accept') ?? '').includes('application/vc+jwt')) {
		return new Response(jws, {
			headers: { 'content-type': 'application/vc+jwt', vary: 'accept', ...headers },
		});
	}
	const envelope = {
		'@context': [VC_CONTEXT],
		id: `data:application/vc+jwt,${jws}`,
		type: 'EnvelopedVerifiableCredential',
	};
	return new Response(JSON.stringify(envelope, null, 2), {
		headers: { 'content-type': 'application/json; charset=utf-8', vary: 'accept', ...headers },
	});
}
