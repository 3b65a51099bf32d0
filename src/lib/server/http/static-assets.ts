/**
 * Static files, compressed once: `precompressAssets` (run after `astro build`, see
 * astro.config.mjs) writes a Brotli `.br` and a gzip `.gz` beside every compressible file of the
 * client output; `createStaticAssets` (scripts/serve.ts) loads those pairs when the server starts
 * and answers a request for such a file with the encoding the client accepts, `Vary:
 * Accept-Encoding`, and the file's ETag, so the app's static handler (which sends files as they
 * are) is only asked for what has no compressed copy. Free of Astro imports.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chooseEncoding } from './page-cache.ts';

/** Content types of the files worth compressing (fonts and images are compressed already). */
const TYPES: Record<string, string> = {
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.html': 'text/html; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
};

/** Files under `dir`, recursively, as absolute paths. */
function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
	);
}

/** Writes `.br` and `.gz` beside each compressible file over 1 KiB in `clientDir`; returns how many. */
export function precompressAssets(clientDir: string): number {
	let n = 0;
	for (const file of listFiles(clientDir)) {
		if (!TYPES[extname(file)] || statSync(file).size < 1024) continue;
		const body = readFileSync(file);
		writeFileSync(
			`${file}.br`,
			brotliCompressSync(body, {
				params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
			}),
		);
		writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
		n++;
	}
	return n;
}

interface Asset {
	type: string;
	etag: string;
	bodies: { identity: Buffer; br: Buffer; gzip: Buffer };
}

/** The precompressed files of `clientDir` by URL path, and a request handler for them. */
export function createStaticAssets(clientDir: string, options: { immutablePrefix?: string } = {}) {
	const assets = new Map<string, Asset>();
	if (existsSync(clientDir)) {
		for (const file of listFiles(clientDir)) {
			const type = TYPES[extname(file)];
			if (!type || !existsSync(`${file}.br`) || !existsSync(`${file}.gz`)) continue;
			const identity = readFileSync(file);
			const url = `/${relative(clientDir, file).split(sep).join('/')}`;
			assets.set(url, {
				type,
				etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
				bodies: { identity, br: readFileSync(`${file}.br`), gzip: readFileSync(`${file}.gz`) },
			});
		}
	}
	const immutable = options.immutablePrefix ?? '/_astro/';
	return {
		size: assets.size,
		/** Answers a GET/HEAD for a precompressed file; false when it is not one (nothing written). */
		serve(req: IncomingMessage, res: ServerResponse): boolean {
			if (req.method !== 'GET' && req.method !== 'HEAD') return false;
			const path = req.url?.split('?')[0] ?? '';
			const asset = assets.get(path);
			if (!asset) return false;
			const encoding = chooseEncoding(req.headers['accept-encoding'] as string | undefined);
			res.setHeader('Content-Type', asset.type);
			res.setHeader('ETag', asset.etag);
			res.setHeader('Vary', 'Accept-Encoding');
			if (!path.startsWith(immutable))
				res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
			if (req.headers['if-none-match'] === asset.etag) {
				res.statusCode = 304;
				res.end();
				return true;
			}
			const body = asset.bodies[encoding];
			if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
			res.setHeader('Content-Length', body.length);
			res.statusCode = 200;
			res.end(req.method === 'HEAD' ? undefined : body);
			return true;
		},
	};
}
