/**
 * An in-memory cache of the pages that are the same for every visitor (the home page, the
 * catalogue, course and lesson pages as an anonymous visitor sees them), kept compressed, so a
 * repeat request is answered without rendering: scripts/serve.ts asks `serve` first and, on a
 * miss, lets the app answer through `capture`.
 *
 * What may be cached is decided twice, so a signed-in page can never reach anyone else:
 * - the request: GET or HEAD, no query string, no cookie at all and no Authorization header (a
 *   visitor with any cookie, signed in or not, always gets a freshly rendered page);
 * - the response: status 200, HTML, the app's explicit `x-dakshata-cache: public` marker (set only
 *   for a page rendered without a user, see src/middleware.ts), and no Set-Cookie.
 * Entries live `ttlMs` (practice questions on lesson pages are drawn per render, so a page is
 * re-rendered now and then) and at most `maxEntries` are kept (least recently used out first).
 * Each entry is stored as identity, gzip and Brotli bytes with a strong ETag; `If-None-Match`
 * gets a 304. Free of Astro imports.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** The response header by which the app marks a page as the same for every anonymous visitor. */
export const CACHE_MARKER = 'x-dakshata-cache';

/** Headers never replayed from the cache: they belong to one request, one encoding or one client. */
export const PER_RESPONSE = new Set([
	'x-request-id',
	'date',
	'connection',
	'keep-alive',
	'content-length',
	'content-encoding',
	'transfer-encoding',
	'vary',
	'etag',
	'set-cookie',
	CACHE_MARKER,
]);

interface Entry {
	headers: OutgoingHttpHeaders;
	etag: string;
	bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
	expires: number;
}

export interface PageCacheOptions {
	/** How long an entry is served before the page is rendered again. */
	ttlMs: number;
	/** The most entries kept. */
	maxEntries: number;
	now?: () => number;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The weight (q) the client gives each encoding in `Accept-Encoding` (0: refused or not named). */
function getEncodingWeights(acceptEncoding: string | undefined): (name: string) => number {
	const accepted = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
	}
	return (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
}

/** The best encoding the client accepts, by `Accept-Encoding` (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
	if (!acceptEncoding) return 'identity';
	const weight = getEncodingWeights(acceptEncoding);
	if (weight('br') > 0) return 'br';
	if (weight('gzip') > 0) return 'gzip';
	return 'identity';
}

/** Whether the client accepts gzip. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
	return acceptEncoding !== undefined && getEncodingWeights(acceptEncoding)('gzip') > 0;
}

/** True when a request may be answered from, or fill, the cache. */
export function isCacheableRequest(req: IncomingMessage): boolean {
	return (
		(req.method === 'GET' || req.method === 'HEAD') &&
		!req.url?.includes('?') &&
		!req.headers.cookie &&
		!req.headers.authorization
	);
}

/**
 * Watches what a handler sends on `res`: the headers named in `markers` are taken out (they never
 * reach the client) and their values, with the whole body as sent, go to `done` once the response
 * ends. Used by the page caches to keep a copy of a page the app says may be kept.
 */
export function interceptResponse(
	res: ServerResponse,
	markers: string[],
	done: (values: Map<string, string>, body: Buffer) => void,
): void {
	const values = new Map<string, string>();
	const chunks: Buffer[] = [];
	const isMarker = (name: string) => markers.includes(name.toLowerCase());
	const setHeader = res.setHeader.bind(res);
	res.setHeader = (name: string, value: number | string | readonly string[]) => {
		if (isMarker(name)) {
			values.set(name.toLowerCase(), String(value));
			return res;
		}
		return setHeader(name, value);
	};
	const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
	res.writeHead = ((status: number, ...rest: unknown[]) => {
		// Headers passed to writeHead directly (as an object or a flat array).
		const headers = rest.find((r) => r && typeof r === 'object') as
			OutgoingHttpHeaders | string[] | undefined;
		if (Array.isArray(headers)) {
			for (let i = 0; i < headers.length; i += 2) {
				if (isMarker(String(headers[i]))) {
					values.set(String(headers[i]).toLowerCase(), String(headers[i + 1]));
					headers.splice(i, 2);
					i -= 2;
				}
			}
		} else if (headers) {
			for (const name of Object.keys(headers)) {
				if (isMarker(name)) {
					values.set(name.toLowerCase(), String(headers[name]));
					delete headers[name];
				}
			}
		}
		return writeHead(status, ...rest);
	}) as typeof res.writeHead;
	const originalWrite = res.write.bind(res) as (...args: unknown[]) => boolean;
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		if (chunk) chunks.push(Buffer.from(chunk as Uint8Array));
		return originalWrite(chunk, ...rest);
	}) as typeof res.write;
	const originalEnd = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	res.end = ((chunk: unknown, ...rest: unknown[]) => {
		if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Uint8Array));
		const result = originalEnd(chunk, ...rest);
		done(values, Buffer.concat(chunks));
		return result;
	}) as typeof res.end;
}

export function createPageCache(options: PageCacheOptions) {
	const now = options.now ?? Date.now;
	const entries = new Map<string, Entry>();

	function write(req: IncomingMessage, res: ServerResponse, entry: Entry) {
		const encoding = chooseEncoding(req.headers['accept-encoding'] as string | undefined);
		const body = entry.bodies[encoding];
		for (const [name, value] of Object.entries(entry.headers))
			if (value !== undefined) res.setHeader(name, value);
		res.setHeader('ETag', entry.etag);
		res.setHeader('Vary', 'Accept-Encoding');
		if (req.headers['if-none-match'] === entry.etag) {
			res.statusCode = 304;
			res.end();
			return;
		}
		if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
		res.setHeader('Content-Length', body.length);
		res.statusCode = 200;
		res.end(req.method === 'HEAD' ? undefined : body);
	}

	return {
		/** Answers the request from the cache; false on a miss (nothing written). */
		serve(req: IncomingMessage, res: ServerResponse): boolean {
			if (!isCacheableRequest(req)) return false;
			const key = req.url!;
			const entry = entries.get(key);
			if (!entry) return false;
			if (entry.expires <= now()) {
				entries.delete(key);
				return false;
			}
			// Least recently used goes first: re-insert at the end.
			entries.delete(key);
			entries.set(key, entry);
			write(req, res, entry);
			return true;
		},

		/**
		 * Lets `handler` answer, keeping a copy of what it sends; when the answer qualifies it is
		 * stored. The marker header never reaches the client.
		 */
		capture(
			req: IncomingMessage,
			res: ServerResponse,
			handler: (req: IncomingMessage, res: ServerResponse) => void,
		) {
			if (req.method !== 'GET' || !isCacheableRequest(req)) return handler(req, res);
			interceptResponse(res, [CACHE_MARKER], (markers, identity) => {
				if (
					markers.get(CACHE_MARKER) !== 'public' ||
					res.statusCode !== 200 ||
					res.getHeader('set-cookie') !== undefined
				)
					return;
				if (!String(res.getHeader('content-type') ?? '').startsWith('text/html')) return;
				// Every header the page was sent with (its Content-Security-Policy with the page's script
				// hashes among them), except those that belong to one request or one encoding.
				const headers: OutgoingHttpHeaders = {};
				for (const [name, value] of Object.entries(res.getHeaders()))
					if (!PER_RESPONSE.has(name)) headers[name] = value;
				const entry: Entry = {
					headers,
					etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
					bodies: {
						identity,
						gzip: gzipSync(identity, { level: 9 }),
						br: brotliCompressSync(identity, {
							params: {
								[zlib.BROTLI_PARAM_QUALITY]: 10,
								[zlib.BROTLI_PARAM_SIZE_HINT]: identity.length,
							},
						}),
					},
					expires: now() + options.ttlMs,
				};
				entries.delete(req.url!);
				entries.set(req.url!, entry);
				while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
			});
			handler(req, res);
		},

		/** How many pages are held (for tests and the health page). */
		get size() {
			return entries.size;
		},
	};
}

export type PageCache = ReturnType<typeof createPageCache>;
