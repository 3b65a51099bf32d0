/**
 * Runs the production server: validates the environment, migrates the database, then serves the
 * built app (dist/) with @astrojs/node's standalone handler inside a thin node:http wrapper that
 * adds, for every response including static files and prerendered pages (which Astro middleware
 * does not see): a request id, security headers, and one structured log line.
 *
 * Usage: node scripts/serve.ts   (npm start builds first when needed, then runs this)
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLocalPath, openDatabase } from '../db/client.ts';
import { registerDatabaseServer } from '../db/in-use.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { getEnvProblems, ENV_VARS } from '../src/lib/env-vars.ts';
import { log } from '../src/lib/server/log.ts';
import { startMailSender } from '../src/lib/server/mail/sender.ts';
import { createOneTimeToken } from '../src/lib/server/tokens.ts';
import { and, count, eq, isNull } from 'drizzle-orm';
import { userTable } from '../db/schema.ts';
import type { Database } from '../db/client.ts';

/** With no enabled admin, logs a one-time link (valid 24 hours) to create the first one in the browser. */
async function offerFirstAdminSetup(db: Database) {
	const admins = await db
		.select({ n: count() })
		.from(userTable)
		.where(and(eq(userTable.role, 'admin'), isNull(userTable.disabledAt)))
		.get();
	if ((admins?.n ?? 0) > 0) return;
	const token = await createOneTimeToken(db, { purpose: 'setup', userId: null, ttlMs: 24 * 60 * 60 * 1000 });
	const link = new URL(`/setup?token=${token}`, process.env.SITE_URL).href;
	log.warn({ setupLink: link }, `No administrator yet. Create one within 24 hours at ${link} (or run: npm run user:create -- --email you@example.org --role admin)`);
}

const root = join(import.meta.dirname, '..');
process.chdir(root);
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

// Defaults from the single list, so the app and this script agree.
for (const v of ENV_VARS) if (v.default !== undefined && !process.env[v.name]) process.env[v.name] = v.default;

const problems = getEnvProblems(process.env);
if (problems.length > 0) {
	for (const p of problems) console.error(`Configuration error: ${p}`);
	console.error('See .env.example for every variable.');
	process.exit(1);
}

// `npm test` serves its own build (dist-test/, with the fixture courses); everything else serves dist/.
const entry = join(root, process.env.DAKSHATA_DIST || 'dist', 'server', 'entry.mjs');
if (!existsSync(entry)) {
	console.error('No build found in dist/. Run `npm run build` (or `npm start`, which builds when needed).');
	process.exit(1);
}

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
	console.error(`Database error: DATABASE_URL=${process.env.DATABASE_URL} could not be opened or migrated: ${(error as Error).message}`);
	console.error('Example: DATABASE_URL=file:data/dakshata.db');
	process.exit(1);
}

// The background mail sender: delivers what the outbox holds, including messages queued before a
// restart. It has its own connection; the app finds it through globalThis and wakes it.
const mailDb = await openDatabase({ url: process.env.DATABASE_URL!, authToken: process.env.DATABASE_AUTH_TOKEN });
const mailSender = await startMailSender({
	db: mailDb.db,
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

const server = http.createServer((req, res) => {
	const started = performance.now();
	const requestId = randomUUID();
	req.headers['x-request-id'] = requestId;
	res.setHeader('X-Request-Id', requestId);
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
	res.setHeader('X-Frame-Options', 'DENY');
	res.setHeader('Content-Security-Policy', "frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
	res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
	res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	if (req.url?.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
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
	handler(req, res);
});

const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);
server.listen(port, host, () => {
	log.info({ url: `http://${host}:${port}` }, `Dakshata is running at http://${host}:${port}`);
});

const shutdown = () => {
	log.info('shutting down');
	void mailSender.stop();
	server.close(() => process.exit(0));
	setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
