/**
 * Compression of what the app answers, for clients that accept it (`Accept-Encoding`): the
 * response is collected and compressed once, in one call, when the app ends it (Brotli at quality
 * 4 or gzip at level 6), then sent with `Content-Encoding`, `Content-Length` and `Vary:
 * Accept-Encoding`. Pages here are small and rendered in milliseconds; compressing Astro's stream
 * of many small chunks one by one cost several times more CPU than the page itself (measured with
 * `npm run bench -- pages`), so nothing is streamed. Only text types of at least 1 KiB are
 * compressed; files that are compressed already (PDF, xlsx, fonts, images) pass untouched.
 * Free of Astro imports.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chooseEncoding } from './page-cache.ts';

/** Content types worth compressing. */
const COMPRESSIBLE =
	/^(text\/|application\/(json|javascript|xml|manifest\+json|ld\+json|vc\+ld\+json|problem\+json)|image\/svg\+xml)/i;

/** Smallest body worth compressing (smaller ones barely shrink). */
const MIN_BYTES = 1024;

/** Compresses `body` for `encoding`. */
export function compressBody(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
	return encoding === 'br'
		? brotliCompressSync(body, {
				params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
			})
		: gzipSync(body, { level: 6 });
}

/** Lets `handler` answer; its response is compressed when the client accepts it and it is worth it. */
export function compressResponse(
	req: IncomingMessage,
	res: ServerResponse,
	handler: (req: IncomingMessage, res: ServerResponse) => void,
): void {
	res.setHeader('Vary', 'Accept-Encoding');
	const encoding = chooseEncoding(req.headers['accept-encoding'] as string | undefined);
	if (encoding === 'identity' || req.method === 'HEAD') return handler(req, res);

	const chunks: Buffer[] = [];
	let status = 200;
	let statusMessage: string | undefined;
	const writeHead = res.writeHead.bind(res) as (
		status: number,
		statusMessage?: string,
	) => ServerResponse;
	const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
	const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;

	// Headers given to writeHead are set now and sent when the body is complete.
	res.writeHead = ((code: number, ...rest: unknown[]) => {
		status = code;
		if (typeof rest[0] === 'string') statusMessage = rest.shift() as string;
		const headers = rest[0] as OutgoingHttpHeaders | string[] | undefined;
		if (Array.isArray(headers))
			for (let i = 0; i < headers.length; i += 2)
				res.appendHeader(String(headers[i]), headers[i + 1]!);
		else if (headers)
			for (const [name, value] of Object.entries(headers))
				if (value !== undefined) res.setHeader(name, value);
		return res;
	}) as typeof res.writeHead;
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
			const encodingArg = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
			chunks.push(
				typeof chunk === 'string'
					? Buffer.from(chunk, encodingArg)
					: Buffer.from(chunk as Uint8Array),
			);
		}
		const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
		if (callback) queueMicrotask(callback);
		return true;
	}) as typeof res.write;
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
			const encodingArg = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
			chunks.push(
				typeof chunk === 'string'
					? Buffer.from(chunk, encodingArg)
					: Buffer.from(chunk as Uint8Array),
			);
		}
		const callback = [chunk, ...rest].find((r) => typeof r === 'function') as
			(() => void) | undefined;
		res.writeHead = writeHead as typeof res.writeHead;
		res.write = write as typeof res.write;
		res.end = end as typeof res.end;
		let body: Buffer = Buffer.concat(chunks);
		const type = String(res.getHeader('content-type') ?? '');
		const worth =
			body.length >= MIN_BYTES &&
			COMPRESSIBLE.test(type) &&
			res.getHeader('content-encoding') === undefined &&
			status !== 204 &&
			status !== 304;
		if (worth) {
			body = compressBody(body, encoding);
			res.setHeader('Content-Encoding', encoding);
		}
		if (status !== 204 && status !== 304) res.setHeader('Content-Length', body.length);
		res.removeHeader('Transfer-Encoding');
		if (statusMessage !== undefined) writeHead(status, statusMessage);
		else writeHead(status);
		return end(body, callback);
	}) as typeof res.end;
	handler(req, res);
}
