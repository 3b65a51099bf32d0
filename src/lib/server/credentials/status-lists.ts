/**
 * The signed status lists (W3C Bitstring Status List): `revocation` (final: revoked or superseded
 * certificates) at /credentials/status/<n> and `suspension` (reversible holds) at
 * /credentials/suspension/<n>.
 *
 * Caching: each request reads which positions are set (one indexed query) and compares them with
 * the cached list; only when they changed is the list credential rebuilt (new `validFrom`) and
 * re-signed, lazily per form. The ETag names the list's content, so verifiers revalidate cheaply
 * (If-None-Match → 304), and `ttl` in the list tells them how long they may cache it themselves.
 */
import { SITE_URL } from 'astro:env/server';
import { createHash } from 'node:crypto';
import { buildStatusListCredential, type StatusPurpose } from '../../credentials/model.ts';
import { encodeStatusList, LIST_SIZE } from '../../credentials/status-list.ts';
import { getSetStatusIndexes } from '../certificates/records.ts';
import { signCredentialDataIntegrity, signCredentialJwt } from './signing.ts';

interface CachedList {
	etag: string;
	credential: ReturnType<typeof buildStatusListCredential>;
	jwt?: string;
	dataIntegrity?: Promise<object>;
}

const cache = new Map<string, CachedList>();

/** The current state of a list: its ETag and its signed forms (signed once per change). */
export async function getStatusList(purpose: StatusPurpose, list: number): Promise<CachedList> {
	const from = (list - 1) * LIST_SIZE;
	const set = await getSetStatusIndexes(purpose, from, from + LIST_SIZE);
	const etag = `"${createHash('sha256')
		.update(`${purpose}:${list}:${set.join(',')}`)
		.digest('base64url')
		.slice(0, 22)}"`;
	const key = `${purpose}:${list}`;
	const cached = cache.get(key);
	if (cached?.etag === etag) return cached;
	const encoded = encodeStatusList(set.map((i) => i - from));
	const entry: CachedList = {
		etag,
		credential: buildStatusListCredential(SITE_URL, list, encoded, new Date(), purpose),
	};
	cache.set(key, entry);
	return entry;
}

/**
 * The HTTP answer for status list `param` (1, 2, …): the Data Integrity JSON-LD credential, or the
 * VC-JWT with `Accept: application/vc+jwt`; 304 when the client's ETag is current; 404 otherwise.
 */
export async function respondWithStatusList(
	request: Request,
	purpose: StatusPurpose,
	param: string | undefined,
): Promise<Response> {
	if (!/^[1-9]\d{0,5}$/.test(param ?? ''))
		return Response.json({ error: 'No such status list.' }, { status: 404 });
	const entry = await getStatusList(purpose, Number(param));
	const wantsJwt = (request.headers.get('accept') ?? '').includes('application/vc+jwt');
	const etag = wantsJwt ? entry.etag.replace(/"$/, '-jwt"') : entry.etag;
	const headers = {
		etag,
		vary: 'accept',
		'cache-control': 'no-cache',
		'access-control-allow-origin': '*',
		'access-control-expose-headers': 'etag',
	};
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	if (wantsJwt) {
		entry.jwt ??= signCredentialJwt(entry.credential);
		return new Response(entry.jwt, {
			headers: { ...headers, 'content-type': 'application/vc+jwt' },
		});
	}
	entry.dataIntegrity ??= signCredentialDataIntegrity(entry.credential);
	return new Response(JSON.stringify(await entry.dataIntegrity, null, 2), {
		headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
	});
}
