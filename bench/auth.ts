/**
 * Accounts: the cost of a signed-in page view against an anonymous one (same page, /courses, 50
 * connections, 10 s each; a signed-in view validates the session: one indexed read, no write), and
 * sign-in latency with argon2id (m=19 MiB, t=2, p=1), sequential and 4 at once.
 */
import { GOOD_PASSWORD, signUp } from '../tests/helpers/accounts.ts';
import { Browser } from '../tests/helpers/http.ts';
import { ensureBuild, load, percentile, printTable, startServer } from './lib.ts';

ensureBuild();
const server = await startServer();
try {
	const { browser, email } = await signUp(server.url);
	const anonymous = await load({ url: `${server.url}/courses` });
	const signedIn = await load({
		url: `${server.url}/courses`,
		headers: { cookie: browser.cookieHeader },
	});
	printTable('Page view /courses: anonymous vs signed in (50 connections, 10 s)', [
		{
			visitor: 'anonymous',
			'req/s': anonymous.requestsPerSecond,
			'p50 ms': anonymous.p50,
			'p99 ms': anonymous.p99,
			errors: anonymous.errors + anonymous.non2xx,
		},
		{
			visitor: 'signed in',
			'req/s': signedIn.requestsPerSecond,
			'p50 ms': signedIn.p50,
			'p99 ms': signedIn.p99,
			errors: signedIn.errors + signedIn.non2xx,
		},
		{
			visitor: 'ratio signed in / anonymous',
			'req/s': (signedIn.requestsPerSecond / anonymous.requestsPerSecond).toFixed(3),
			'p50 ms': '',
			'p99 ms': '',
			errors: '',
		},
	]);

	const signInOnce = async () => {
		const started = performance.now();
		const res = await new Browser(server.url).postForm('/login', {
			email,
			password: GOOD_PASSWORD,
		});
		if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
		return performance.now() - started;
	};
	const sequential: number[] = [];
	for (let i = 0; i < 40; i++) sequential.push(await signInOnce());
	const parallel: number[] = [];
	for (let i = 0; i < 10; i++)
		parallel.push(...(await Promise.all([signInOnce(), signInOnce(), signInOnce(), signInOnce()])));
	const ms = (v: number) => v.toFixed(1);
	printTable('Sign-in latency (argon2id m=19456 KiB, t=2, p=1), ms', [
		{
			mode: 'sequential (40)',
			p50: ms(percentile(sequential, 50)),
			p99: ms(percentile(sequential, 99)),
			max: ms(Math.max(...sequential)),
		},
		{
			mode: '4 at once (40)',
			p50: ms(percentile(parallel, 50)),
			p99: ms(percentile(parallel, 99)),
			max: ms(Math.max(...parallel)),
		},
	]);
} finally {
	await server.stop();
}
