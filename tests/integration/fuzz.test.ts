/**
 * A bounded fuzz of malformed requests against the production build: odd bytes in paths, bad
 * percent-encoding, huge and odd headers, bad cookies, bad JSON and bad forms on every route that
 * takes a body, wrong methods. 10,000 requests from a fixed seed (so a failure reproduces), and
 * not one may be answered with a 5xx. Runs against its own server, since it trips rate limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../helpers/accounts.ts';
import { sendRaw } from '../helpers/raw-http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const TOTAL = 10_000;
const CONCURRENCY = 24;

/** mulberry32: a small seeded generator. */
function createRandom(seed: number) {
	let a = seed;
	const next = () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
	const bytes = (n: number, from = 0, to = 255) =>
		Buffer.from(Array.from({ length: n }, () => from + int(to - from + 1)));
	return { next, int, pick, bytes };
}

const PAGES = [
	'/',
	'/courses',
	'/courses/getting-started',
	'/courses/getting-started/prove-your-skills',
	'/courses/cert-basics/first-steps',
	'/courses/getting-started/prove-your-skills/quiz/getting-started-check',
	'/login',
	'/signup',
	'/reset-password',
	'/setup',
	'/account',
	'/dashboard',
	'/admin',
	'/admin/users',
	'/admin/certificates',
	'/admin/audit',
	'/instructor',
	'/instructor/getting-started',
	'/instructor/getting-started/learners',
	'/instructor/getting-started/learners.csv',
	'/instructor/getting-started/items.csv',
	'/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
	'/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pdf',
	'/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json',
	'/credentials/status/1',
	'/.well-known/did.json',
	'/docs/authoring',
	'/downloads/getting-started/x.xlsx',
	'/healthz',
	'/logout',
	'/bn/courses',
	'/hi/login',
	'/bn/admin/users/abc',
	'/_astro/x.js',
	'/favicon.svg',
];
const API = [
	'/api/progress',
	'/api/quiz/start',
	'/api/quiz/submit',
	'/api/quiz/practice',
	'/api/certificates/reissue',
];
const FORMS = [
	'/login',
	'/signup',
	'/reset-password',
	'/setup',
	'/account',
	'/admin/users',
	'/admin/certificates',
	'/logout',
	'/courses/getting-started/prove-your-skills/quiz/getting-started-check',
	'/bn/login',
	'/hi/account',
];
const ODD_STRINGS = [
	'%',
	'%zz',
	'%E0%A4%',
	'%ff%fe',
	'%00',
	'%0d%0a',
	'..%2f..%2f',
	'%c0%af',
	'\u0000',
	'ক',
	'😀',
	'\\',
	'//',
	'../../etc/passwd',
	'<script>',
	"' or 1=1--",
	'${7*7}',
	'a'.repeat(3000),
	'%25',
	'?',
	'#',
	';',
	'&&',
	'=',
	'\u202e',
];
const METHODS = [
	'GET',
	'HEAD',
	'POST',
	'PUT',
	'DELETE',
	'PATCH',
	'OPTIONS',
	'TRACE',
	'PROPFIND',
	'FOO',
	'get',
	'G E T',
];

interface Case {
	kind: string;
	raw: Buffer;
}

function buildCases(seed: number, host: string, origin: string, cookie: string): Case[] {
	const r = createRandom(seed);
	const odd = () => r.pick(ODD_STRINGS);
	const head = (
		method: string,
		target: string | Buffer,
		headers: string[],
		body: Buffer | string = '',
	) => {
		const bodyBuf = Buffer.isBuffer(body) ? body : Buffer.from(body);
		const lines = [`Host: ${host}`, 'Connection: close', ...headers];
		if (bodyBuf.length > 0 && !headers.some((h) => /^content-length|^transfer-encoding/i.test(h)))
			lines.push(`Content-Length: ${bodyBuf.length}`);
		return Buffer.concat([
			Buffer.from(`${method} `),
			Buffer.isBuffer(target) ? target : Buffer.from(target),
			Buffer.from(` HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`),
			bodyBuf,
		]);
	};
	const maybeSession = () => (r.next() < 0.5 ? [`Cookie: ${cookie}`] : []);
	const generators: Record<string, () => Buffer> = {
		'odd bytes in the path': () =>
			head(
				'GET',
				Buffer.concat([
					Buffer.from(r.pick(PAGES)),
					Buffer.from('/'),
					r.bytes(1 + r.int(12), 0x21, 0xff),
				]),
				maybeSession(),
			),
		'bad percent-encoding': () =>
			head(
				r.pick(['GET', 'POST']),
				`${r.pick(PAGES)}/${encodeURI(odd()).replace(/%25/g, '%')}${odd().startsWith('%') ? odd() : ''}`,
				[`Origin: ${origin}`, ...maybeSession()],
			),
		'odd query strings': () =>
			head(
				'GET',
				`${r.pick(PAGES)}?${r.pick(['next', 'page', 'q', 'token', 'tab', 'period', 'notice', 'done'])}=${encodeURIComponent(odd())}${r.pick(['', '%', '&&&', '%ZZ'])}`,
				maybeSession(),
			),
		'huge headers': () =>
			head('GET', r.pick(PAGES), [
				`X-Filler: ${'x'.repeat(r.pick([4000, 9000, 17000, 70000]))}`,
				...maybeSession(),
			]),
		'odd headers': () =>
			head('GET', r.pick(PAGES), [
				r.pick([
					`Host: ${odd()}`,
					`X-Forwarded-For: ${odd()}`,
					`X-Forwarded-Host: ${odd()}`,
					`X-Forwarded-Proto: ${odd()}`,
					`Accept-Language: ${odd()}`,
					`Accept: ${odd()}`,
					`Content-Type: ${odd()}`,
					`If-None-Match: ${odd()}`,
					`Range: bytes=${odd()}`,
					`User-Agent: ${odd()}`,
				]),
			]),
		'bad cookies': () =>
			head('GET', r.pick(PAGES), [
				`Cookie: ${r.pick(['session', '__Host-session', 'x'])}=${r.pick([odd(), r.bytes(30, 0x21, 0x7e).toString('latin1'), 'a'.repeat(24) + '.' + 'b'.repeat(24), '%', '=;=;'])}`,
			]),
		'bad JSON on the API': () =>
			head(
				'POST',
				r.pick(API),
				[
					`Origin: ${origin}`,
					'Content-Type: application/json',
					'Accept: application/json',
					...maybeSession(),
				],
				r.pick([
					'{',
					'[]',
					'null',
					'"x"',
					'{"attempt":',
					JSON.stringify({ attempt: odd(), answers: { [odd()]: odd() }, locale: odd() }),
					JSON.stringify({ course: odd(), lesson: odd(), action: odd(), back: odd() }),
					JSON.stringify({ courseSlug: odd(), quizId: odd(), course: 1, quiz: [] }),
					JSON.stringify({ attempt: 'a'.repeat(24), answers: [1, 2, 3] }),
					r.bytes(40).toString('latin1'),
					'{"__proto__":{"x":1}}',
					'1e999999',
				]),
			),
		'bad forms': () =>
			head(
				'POST',
				r.pick(FORMS),
				[
					`Origin: ${origin}`,
					`Content-Type: ${r.pick(['application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', 'application/json'])}`,
					...maybeSession(),
				],
				r.pick([
					`email=${encodeURIComponent(odd())}&password=${encodeURIComponent(odd())}`,
					`action=${odd()}&id=${odd()}&userId=${odd()}&role=${odd()}`,
					`%=%&&=`,
					'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
					r.bytes(60).toString('latin1'),
					`name=${encodeURIComponent(odd())}&locale=${odd()}&token=${odd()}`,
				]),
			),
		'bad bodies': () =>
			head(
				'POST',
				r.pick([...API, ...FORMS]),
				[
					`Origin: ${origin}`,
					'Content-Type: application/x-www-form-urlencoded',
					r.pick([
						'Content-Length: -1',
						'Content-Length: abc',
						'Content-Length: 10\r\nContent-Length: 20',
						'Transfer-Encoding: chunked',
						'Transfer-Encoding: gzip, chunked',
						`Content-Length: ${2 ** 40}`,
					]),
				],
				// Each body is complete for its framing (or the framing is invalid), so none waits for more.
				r.pick(['zz\r\nxx\r\n0\r\n\r\n', '5\r\nab\r\n0\r\n\r\n', '3\r\na=b\r\n0\r\n\r\n']),
			),
		'wrong methods': () =>
			head(r.pick(METHODS), r.pick([...PAGES, ...API]), [`Origin: ${origin}`, ...maybeSession()]),
		'no origin or a foreign one': () =>
			head(
				'POST',
				r.pick([...API, ...FORMS]),
				[
					r.pick([
						'Origin: null',
						'Origin: https://evil.example',
						`Origin: ${odd()}`,
						'Sec-Fetch-Site: cross-site',
					]),
					'Content-Type: application/x-www-form-urlencoded',
				],
				'a=b',
			),
		'odd request lines': () =>
			Buffer.from(
				r.pick([
					`GET\r\n\r\n`,
					`GET  / HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
					`GET * HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
					`GET http://evil.example/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
					`GET / HTTP/9.9\r\nHost: ${host}\r\n\r\n`,
					`GET / HTTP/1.1\r\n\r\n`,
					`GET /\u0000 HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
					`\r\n\r\nGET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
				]),
			),
	};
	const kinds = Object.keys(generators);
	return Array.from({ length: TOTAL }, (_, i) => {
		const kind = kinds[i % kinds.length]!;
		return { kind, raw: generators[kind]!() };
	});
}

describe('malformed requests', () => {
	let server: TestServer;
	let cookie: string;

	beforeAll(async () => {
		server = await startServer();
		const { browser } = await signUp(server.url);
		cookie = browser.cookieHeader;
	});
	afterAll(async () => {
		await server.stop();
	});

	it(`answers ${TOTAL.toLocaleString('en')} malformed requests without a single 5xx`, async () => {
		const { host, origin } = new URL(server.url);
		const cases = buildCases(20261206, host, origin, cookie);
		const failures: string[] = [];
		const byStatus = new Map<number, number>();
		let next = 0;
		const started = Date.now();
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next < cases.length) {
					const c = cases[next++]!;
					const res = await sendRaw(server.url, c.raw, 15_000);
					byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
					if (res.status >= 500)
						failures.push(
							`${res.status} (${c.kind}): ${JSON.stringify(c.raw.subarray(0, 200).toString('latin1'))}`,
						);
				}
			}),
		);
		const seconds = (Date.now() - started) / 1000;
		console.log(
			`fuzz: ${TOTAL} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
		);
		expect(failures.slice(0, 20)).toEqual([]);
		// The server is still healthy afterwards.
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	}, 180_000);
});
