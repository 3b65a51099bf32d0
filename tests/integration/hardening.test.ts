/**
 * Deployment and security hardening, as a client sees it: unknown methods, oversized bodies,
 * a hostile `next`, keep-alive reuse, what a failed query leaves in the log, the write-probing
 * /healthz, JSON errors from JSON endpoints, first-admin setup, and a full disk under the log.
 */
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { openSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { sessionTable, userTable } from '../../db/schema.ts';
import { GOOD_PASSWORD, signUp, uniqueEmail } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { CLIENT_KEEP_ALIVE_MS } from '../helpers/fetch-pool.ts';
import { Browser } from '../helpers/http.ts';
import { sendRaw } from '../helpers/raw-http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const base = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const host = new URL(base).host;

describe('unknown API addresses', () => {
	it('answers an /api/ address no endpoint serves with a JSON 404 in the caller’s language', async () => {
		for (const method of ['GET', 'POST']) {
			const res = await fetch(`${base}/api/no-such-endpoint`, {
				method,
				headers: { origin: base, 'content-type': 'application/json' },
				body: method === 'POST' ? '{}' : undefined,
			});
			expect(res.status, method).toBe(404);
			expect(res.headers.get('content-type')).toMatch(/^application\/json/);
			expect(await res.json()).toEqual({ ok: false, error: 'There is no such API address.' });
		}
		// A page address that does not exist still gets the HTML 404 page.
		const page = await fetch(`${base}/no-such-page`);
		expect(page.status).toBe(404);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
	});
});

describe('methods', () => {
	it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'])(
		'answers %s with 405 and the methods that work',
		async (method) => {
			for (const path of [
				'/',
				'/login',
				'/api/quiz/submit',
				'/courses/no-such-course',
				'/_astro/missing.js',
			]) {
				const res = await sendRaw(
					base,
					`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
				);
				expect(res.status, `${method} ${path}`).toBe(405);
				expect(res.head).toMatch(/\r\nAllow: GET, HEAD, POST/i);
			}
		},
	);

	it('answers 405 in JSON on the API and in the page’s language elsewhere', async () => {
		const api = await fetch(`${base}/api/quiz/submit`, { method: 'DELETE' });
		expect(api.status).toBe(405);
		expect((await api.json()).error).toBe('This address does not accept that kind of request.');
		const bn = await fetch(`${base}/bn/login`, { method: 'PUT' });
		expect(bn.status).toBe(405);
		expect(await bn.text()).toBe('এই ঠিকানা এই ধরনের অনুরোধ গ্রহণ করে না।');
	});
});

describe('request body limits', () => {
	it('refuses a 60 MB anonymous form post with 413 before reading it', async () => {
		const started = Date.now();
		const res = await sendRaw(
			base,
			`POST /signup HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${base}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${60 * 1024 * 1024}\r\n\r\nname=a&email=`,
		);
		expect(res.status).toBe(413);
		expect(res.body).toBe('This request is too large: the limit here is 64 KB. Nothing was saved.');
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('translates the 413 message and answers JSON on the API', async () => {
		const bn = await new Browser(base).postForm('/bn/login', {
			email: 'x'.repeat(70 * 1024),
			password: 'x',
		});
		expect(bn.status).toBe(413);
		expect(await bn.text()).toContain('অনুরোধটি খুব বড়');
		const api = await new Browser(base).postJson('/api/quiz/submit', {
			attempt: 'x',
			answers: { q: 'x'.repeat(300 * 1024) },
		});
		expect(api.status).toBe(413);
		expect((await api.json()).error).toContain('256 KB');
	});

	it('still accepts bodies under the limits (a 60 KB form, a 200 KB JSON body reach the app)', async () => {
		const form = await new Browser(base).postForm('/login', {
			email: 'x'.repeat(60 * 1024),
			password: 'x',
		});
		expect(form.status).toBe(400);
		const json = await new Browser(base).postJson('/api/quiz/submit', {
			attempt: 'x',
			answers: { q: 'x'.repeat(200 * 1024) },
		});
		expect(json.status).toBe(400);
		expect((await json.json()).error).toBeTruthy();
	});

	it('cuts off a body sent without a length at the limit and answers 400, not 500', async () => {
		const chunk = 'a'.repeat(16 * 1024);
		const chunks = Array.from(
			{ length: 8 },
			() => `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
		).join('');
		const res = await sendRaw(
			base,
			`POST /login HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${base}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`,
		);
		expect(res.status).toBe(400);
	});
});

describe('sign-in with a hostile next', () => {
	it.each([
		['a tab (the reported open redirect)', '/\t/evil.example/'],
		['CR LF', '/\r\nSet-Cookie: x=1'],
		['characters above U+00FF', '/courses/ক'],
		['a backslash', '/\\evil.example'],
		['protocol-relative', '//evil.example/'],
	])(
		'sends the learner to the dashboard for %s, with exactly one new session and no 500',
		async (_name, next) => {
			const { email } = await signUp(base);
			const { db } = await getTestDb(databaseUrl);
			const user = (await db.select().from(userTable).where(eq(userTable.email, email)).get())!;
			const before = (
				await db.select().from(sessionTable).where(eq(sessionTable.userId, user.id)).all()
			).length;
			const browser = new Browser(base);
			const res = await browser.postForm(`/login?next=${encodeURIComponent(next)}`, {
				email,
				password: GOOD_PASSWORD,
			});
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/dashboard');
			const after = (
				await db.select().from(sessionTable).where(eq(sessionTable.userId, user.id)).all()
			).length;
			expect(after).toBe(before + 1);
			// Already signed in: the page offers to continue, to the dashboard, not to the given next.
			const again = await browser.get(`/login?next=${encodeURIComponent(next)}`);
			expect(again.status).toBe(200);
			expect(await again.text()).toContain('<a class="button" href="/dashboard">');
		},
	);

	it('keeps a same-site next', async () => {
		const { email } = await signUp(base);
		const res = await new Browser(base).postForm(
			`/login?next=${encodeURIComponent('/bn/courses?x=1')}`,
			{ email, password: GOOD_PASSWORD },
		);
		expect(res.headers.get('location')).toBe('/bn/courses?x=1');
	});
});

describe('keep-alive', () => {
	it('keeps an idle connection open longer than its clients do, so a reused socket is never closed under a request', async () => {
		// nginx keeps idle upstream connections 60 s, Node's fetch up to the advertised timeout; Node's
		// own server default (5 s) closed sockets those clients were about to reuse.
		const { hostname, port } = new URL(base);
		const socket = connect({ host: hostname, port: Number(port) });
		await new Promise((resolve) => socket.once('connect', resolve));
		// /healthz answers chunked: one answer ends with the zero-length chunk.
		let received = '';
		socket.on('data', (chunk) => (received += chunk.toString('latin1')));
		const answers = () => received.split('\r\n0\r\n\r\n').slice(0, -1);
		const request = `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
		socket.write(request);
		await vi.waitFor(() => expect(answers()).toHaveLength(1));
		expect(answers()[0]).toMatch(/^HTTP\/1\.1 200/);
		expect(answers()[0]).toMatch(/\r\nKeep-Alive: timeout=75\r\n/i);
		await new Promise((resolve) => setTimeout(resolve, 7000));
		expect(socket.destroyed || socket.readableEnded).toBe(false);
		socket.write(request);
		await vi.waitFor(() => expect(answers()).toHaveLength(2), { timeout: 5000 });
		expect(answers()[1]).toMatch(/^HTTP\/1\.1 200/);
		socket.destroy();
	}, 20_000);

	it('gives the test client a keep-alive pool that lets idle sockets go long before the server does', () => {
		expect(CLIENT_KEEP_ALIVE_MS).toBeLessThan(75_000 / 10);
	});
});

describe('with a database that refuses some writes', () => {
	let server: TestServer;
	let raw: ReturnType<typeof createClient>;

	beforeAll(async () => {
		server = await startServer({ env: { LOG_LEVEL: 'info' } });
		raw = createClient({ url: server.databaseUrl });
	});
	afterAll(async () => {
		raw.close();
		await server.stop();
	});

	it('creates the first admin in one step: a refused address does not use up the setup link', async () => {
		const link = /"setupLink":"([^"]+)"/.exec(server.output())?.[1];
		expect(link).toBeDefined();
		const token = new URL(link!).searchParams.get('token')!;
		const { email: taken } = await signUp(server.url);
		const fields = { token, name: 'Site Admin', password: GOOD_PASSWORD, locale: 'en' };
		const refused = await new Browser(server.url).postForm('/setup', { ...fields, email: taken });
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('name="token"');
		const admin = new Browser(server.url);
		const created = await admin.postForm('/setup', {
			...fields,
			email: uniqueEmail('first-admin'),
		});
		expect(created.status).toBe(303);
		expect(created.headers.get('location')).toBe('/admin');
		expect((await admin.get('/admin')).status).toBe(200);
		const reused = await new Browser(server.url).postForm('/setup', {
			...fields,
			email: uniqueEmail('second-admin'),
		});
		expect(reused.status).toBe(400);
	});

	it('logs a failed sign-up with its request id but without the e-mail address or the password hash', async () => {
		await raw.execute(
			`CREATE TRIGGER refuse_users BEFORE INSERT ON user BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
		);
		try {
			const email = uniqueEmail('logged');
			const res = await new Browser(server.url).postForm('/signup', {
				name: 'Log Person',
				email,
				password: GOOD_PASSWORD,
				locale: 'en',
			});
			expect(res.status).toBe(500);
			const requestId = res.headers.get('x-request-id')!;
			await new Promise((r) => setTimeout(r, 200));
			const log = server.output();
			const line = log
				.split('\n')
				.find((l) => l.includes(requestId) && l.includes('unhandled error'));
			expect(line, 'the error is logged with the request id').toBeDefined();
			expect(log).not.toContain(email);
			expect(log).not.toContain('$argon2');
			expect(log).not.toContain('refused by test');
		} finally {
			await raw.execute('DROP TRIGGER refuse_users');
		}
	});

	it('answers a JSON endpoint’s unexpected failure with a JSON 500', async () => {
		const { browser } = await signUp(server.url);
		await raw.execute(
			`CREATE TRIGGER refuse_progress BEFORE INSERT ON progress_event BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
		);
		try {
			const res = await browser.postJson('/api/progress', {
				course: 'cert-basics',
				lesson: 'first-steps',
				action: 'complete',
			});
			expect(res.status).toBe(500);
			expect(res.headers.get('content-type')).toMatch(/^application\/json/);
			const body = await res.json();
			expect(body.error).toBe(
				'The server could not finish this request. Your saved work is safe. Please try again in a moment.',
			);
			expect(body.requestId).toBe(res.headers.get('x-request-id'));
		} finally {
			await raw.execute('DROP TRIGGER refuse_progress');
		}
	});

	it('reports unavailable from /healthz when writes fail while reads still work', async () => {
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		await raw.execute(
			`CREATE TRIGGER refuse_probe_insert BEFORE INSERT ON health_probe BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
		);
		await raw.execute(
			`CREATE TRIGGER refuse_probe_update BEFORE UPDATE ON health_probe BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
		);
		try {
			expect((await fetch(`${server.url}/courses`)).status).toBe(200);
			const down = await fetch(`${server.url}/healthz`);
			expect(down.status).toBe(503);
			expect(await down.json()).toMatchObject({ status: 'unavailable' });
		} finally {
			await raw.execute('DROP TRIGGER refuse_probe_insert');
			await raw.execute('DROP TRIGGER refuse_probe_update');
		}
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});

describe('a full disk under the log', () => {
	it('keeps answering when every log write fails with ENOSPC', async () => {
		// /dev/full refuses every write with ENOSPC, like a full disk.
		const full = openSync('/dev/full', 'w');
		const server = await startServer({
			env: { LOG_LEVEL: 'info' },
			spawnOptions: { stdio: ['ignore', full, 'pipe'] },
		});
		try {
			for (let i = 0; i < 20; i++) {
				const res = await fetch(`${server.url}/courses`);
				expect(res.status).toBe(200);
				await res.arrayBuffer();
			}
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			expect(server.process.exitCode).toBeNull();
		} finally {
			await server.stop();
		}
	});
});
