/**
 * Runs the production server: validates the environment, migrates the database, then serves the
 * built app (dist/) with @astrojs/node's standalone handler inside a thin node:http wrapper that
 * adds, for every response including static files and prerendered pages (which Astro middleware
 * does not see): a request id, security headers, and one structured log line.
 *
 * Before the app, `guardRequest` (src/lib/server/http/guard.ts) answers what no route wants:
 * unknown methods (405), bodies over the route's limit (413, judged before reading), unparsable
 * request targets (400).
 *
 * With WEB_CONCURRENCY=N (default 1) the primary process validates, migrates and then forks N
 * workers that share the port (node:cluster) and the one database file; a worker that dies is
 * replaced. SIGTERM stops the workers and then the primary.
 *
 * Usage: node scripts/serve.ts   (npm start builds first when needed, then runs this)
 */
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLocalPath, openDatabase } from '../db/client.ts';
import { registerDatabaseServer } from '../db/in-use.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { getEnvProblems, ENV_VARS } from '../src/lib/env-vars.ts';
import { compressResponse } from '../src/lib/server/http/compress.ts';
import { guardRequest } from '../src/lib/server/http/guard.ts';
import { createLearnerPageCache } from '../src/lib/server/http/learner-pages.ts';
import { createPageCache } from '../src/lib/server/http/page-cache.ts';
import { createStaticAssets } from '../src/lib/server/http/static-assets.ts';
import { log } from '../src/lib/server/log.ts';
import { startMailSender } from '../src/lib/server/mail/sender.ts';
import { createWriter, getSharedWriter } from '../src/lib/server/db-writer.ts';
import { createOneTimeToken } from '../src/lib/server/auth/tokens.ts';
import { and, count, eq, isNull } from 'drizzle-orm';
import { userTable } from '../db/schema.ts';
import type { Database } from '../db/client.ts';

/**
 * How long an idle keep-alive connection stays open. It must outlast every client's own idle
 * timeout, or a client can send a request on a socket the server is closing at that moment
 * ("other side closed"): nginx keeps upstream connections 60 s by default, so 75 s.
 */
const KEEP_ALIVE_TIMEOUT_MS = 75_000;

/** With no enabled admin, logs a one-time link (valid 24 hours) to create the first one in the browser. */
async function offerFirstAdminSetup(db: Database) {
	const admins = await db
		.select({ n: count() })
		.from(userTable)
		.where(and(eq(userTable.role, 'admin'), isNull(userTable.disabledAt)))
		.get();
	if ((admins?.n ?? 0) > 0) return;
	const token = await createOneTimeToken(db, {
		purpose: 'setup',
		userId: null,
		ttlMs: 24 * 60 * 60 * 1000,
	});
	const link = new URL(`/setup?token=${token}`, process.env.SITE_URL).href;
	log.warn(
		{ setupLink: link },
		`No administrator yet. Create one within 24 hours at ${link} (or run: npm run user:create -- --email you@example.org --role admin)`,
	);
}

const root = join(import.meta.dirname, '..');
process.chdir(root);
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

// Defaults from the single list, so the app and this script agree.
for (const v of ENV_VARS)
	if (v.default !== undefined && !process.env[v.name]) process.env[v.name] = v.default;

const problems = getEnvProblems(process.env);
if (problems.length > 0) {
	for (const p of problems) console.error(`Configuration error: ${p}`);
	console.error('See .env.example for every variable.');
	process.exit(1);
}

// `npm test` serves its own build (dist-test/, with the fixture courses); everything else serves dist/.
const entry = join(root, process.env.DAKSHATA_DIST || 'dist', 'server', 'entry.mjs');
if (!existsSync(entry)) {
	console.error(
		'No build found in dist/. Run `npm run build` (or `npm start`, which builds when needed).',
	);
	process.exit(1);
}

const workers = Number(process.env.WEB_CONCURRENCY || '1');

if (cluster.isPrimary) await prepare();
if (cluster.isPrimary && workers > 1) superviseWorkers(workers);
else await startWorker();

/** Opens and migrates the database and offers first-admin setup (once, in the primary). */
async function prepare() {
	try {
		const handle = await openDatabase({
			url: process.env.DATABASE_URL!,
			authToken: process.env.DATABASE_AUTH_TOKEN,
		});
		await migrateDatabase(handle.db);
		await offerFirstAdminSetup(handle.db);
		// So `npm run db:restore` can tell that this database is in use (db/in-use.ts).
		if (handle.isLocalFile) process.on('exit', registerDatabaseServer(getLocalPath(handle.url)));
		handle.close();
	} catch (error) {
		console.error(
			`Database error: DATABASE_URL=${process.env.DATABASE_URL} could not be opened or migrated: ${(error as Error).message}`,
		);
		console.error('Example: DATABASE_URL=file:data/dakshata.db');
		process.exit(1);
	}
}

/** Forks `count` workers, replaces any that die, and stops them all on SIGTERM/SIGINT. */
function superviseWorkers(count: number) {
	let stopping = false;
	const restarts: number[] = [];
	for (let i = 0; i < count; i++) cluster.fork();
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		const now = Date.now();
		restarts.push(now);
		while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
		if (restarts.length > 5 * count) {
			log.fatal({ code, signal }, 'workers keep exiting; stopping');
			process.exit(1);
		}
		log.error({ pid: worker.process.pid, code, signal }, 'a worker exited; starting another');
		cluster.fork();
	});
	const stop = () => {
		if (stopping) return;
		stopping = true;
		log.info('shutting down');
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
		if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
		setTimeout(() => process.exit(0), 8000).unref();
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

/** Serves the built app in this process. */
async function startWorker() {
	// The background mail sender: delivers what the outbox holds, including messages queued before a
	// restart. It has its own connection; the app finds it through globalThis and wakes it. Every
	// worker runs one; the lease in the outbox table keeps them from sending a message twice.
	const mailDb = await openDatabase({
		url: process.env.DATABASE_URL!,
		authToken: process.env.DATABASE_AUTH_TOKEN,
	});
	const mailWriter = createWriter(mailDb.client);
	const mailSender = await startMailSender({
		db: mailDb.db,
		// The app's request writer once the app has opened the database (claims and delivery records
		// then share the requests' commits); until then one of its own.
		writer: () => getSharedWriter() ?? mailWriter,
		smtpUrl: process.env.SMTP_URL || undefined,
		dataDir: process.env.DATA_DIR!,
		from: process.env.MAIL_FROM!,
		replyTo: process.env.MAIL_REPLY_TO || undefined,
		siteUrl: process.env.SITE_URL!,
		retryFirstMs: Number(process.env.MAIL_RETRY_FIRST_SECONDS) * 1000,
		log,
	});

	process.env.ASTRO_NODE_AUTOSTART = 'disabled';
	process.env.ASTRO_NODE_LOGGING = 'disabled';
	const { handler } = (await import(pathToFileURL(entry).href)) as {
		handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
	};

	const https = process.env.SITE_URL!.startsWith('https:');
	// Precompressed client files, answered before the app (src/lib/server/http/static-assets.ts).
	const staticAssets = createStaticAssets(
		join(root, process.env.DAKSHATA_DIST || 'dist', 'client'),
	);
	// Pages that are the same for every visitor without a cookie, kept compressed for a minute
	// (src/lib/server/http/page-cache.ts); PAGE_CACHE=off renders every request.
	const pageCache =
		process.env.PAGE_CACHE === 'off' ? null : createPageCache({ ttlMs: 60_000, maxEntries: 2000 });
	// Lesson pages as rendered for signed-in learners, shared between learners in the same state
	// (src/lib/server/http/learner-pages.ts); off with PAGE_CACHE=off too.
	const learnerPages =
		process.env.PAGE_CACHE === 'off'
			? null
			: createLearnerPageCache({ ttlMs: 60_000, maxEntries: 1000 });
	const render = (rq: http.IncomingMessage, rs: http.ServerResponse) =>
		// Everything else the app answers is compressed when the client accepts it (http/compress.ts).
		compressResponse(rq, rs, (cq, cs) => {
			if (!pageCache || !learnerPages) return handler(cq, cs);
			learnerPages.capture(cq, cs, (lq, ls) => pageCache.capture(lq, ls, handler));
		});

	const server = http.createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, (req, res) => {
		const started = performance.now();
		const requestId = randomUUID();
		req.headers['x-request-id'] = requestId;
		res.setHeader('X-Request-Id', requestId);
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
		res.setHeader('X-Frame-Options', 'DENY');
		res.setHeader(
			'Content-Security-Policy',
			"frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
		);
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
		res.setHeader(
			'Permissions-Policy',
			'camera=(), microphone=(), geolocation=(), interest-cohort=()',
		);
		if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
		if (req.url?.startsWith('/_astro/'))
			res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
		res.on('finish', () => {
			log.info(
				{
					requestId,
					method: req.method,
					path: req.url?.split('?')[0],
					status: res.statusCode,
					ms: Math.round((performance.now() - started) * 10) / 10,
				},
				'request',
			);
		});
		if (guardRequest(req, res)) return;
		if (staticAssets.serve(req, res)) return;
		if (pageCache?.serve(req, res)) return;
		if (!learnerPages?.mayServe(req)) return render(req, res);
		learnerPages.serve(req, res).then(
			(served) => {
				if (!served) render(req, res);
			},
			(error: unknown) => {
				log.error({ err: error, requestId }, 'signed-in page cache failed; rendering');
				if (!res.headersSent) render(req, res);
			},
		);
	});
	server.headersTimeout = 20_000;

	const host = process.env.HOST ?? 'localhost';
	const port = Number(process.env.PORT ?? 4321);
	server.listen(port, host, () => {
		if (cluster.isPrimary || cluster.worker?.id === 1)
			log.info(
				{ url: `http://${host}:${port}`, workers },
				`Dakshata is running at http://${host}:${port}`,
			);
	});

	const shutdown = () => {
		log.info('shutting down');
		void mailSender.stop();
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 5000).unref();
	};
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);
}
