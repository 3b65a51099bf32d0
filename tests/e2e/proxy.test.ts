/**
 * The README's production set-ups, for real: Debian's nginx, and Debian's Caddy, each terminating
 * TLS in front of the production build with the README's configuration block (nginx with a
 * throwaway self-signed certificate made by openssl, Caddy with its internal CA), and a learner does
 * everything that posts through it in Chromium: signs up, signs out, signs in, passes the assessment
 * quiz and downloads the certificate it earns. A cross-site form post is still refused.
 */
import type { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { uniqueEmail } from '../helpers/accounts.ts';
import { startCaddy } from '../helpers/caddy.ts';
import { startNginx, type TestProxy } from '../helpers/nginx.ts';
import { extractText } from '../helpers/pdf.ts';
import { getFreePort, startServer, type TestServer } from '../helpers/server.ts';
import { expect, test } from './fixtures.ts';
import { answerAll, openQuiz, readQuiz, startAttempt } from './quiz-helpers.ts';

const PASSWORD = 'copper kettle monsoon';

/** A learner's whole journey through `proxy` in a fresh browser context. */
async function walkThrough(browser: Browser, proxy: TestProxy, name: string) {
	const context = await browser.newContext({ baseURL: proxy.url, ignoreHTTPSErrors: true });
	const page = await context.newPage();
	const email = uniqueEmail('proxied');

	// Sign up (a form POST: refused with 403 before the public origin came from SITE_URL).
	const signup = await page.goto('/signup');
	expect(signup!.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
	await page.getByLabel('Full name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	// Sign-up starts no session (the address is confirmed by mail); the learner signs in.
	await expect(page).toHaveURL(`${proxy.url}/login?notice=signed-up`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(`${proxy.url}/dashboard`);
	const cookies = await context.cookies();
	expect(cookies.find((c) => c.name === '__Host-session')).toMatchObject({
		secure: true,
		httpOnly: true,
	});

	// Sign out and back in.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(`${proxy.url}/dashboard`);

	// Pass the assessment (JSON POSTs to /api/quiz/start and /api/quiz/submit).
	const quiz = readQuiz('cert-assessed', 'cert-final');
	await openQuiz(page, '/courses/cert-assessed/final');
	const questions = await startAttempt(page);
	await answerAll(page, 'cert-final', quiz, questions);
	const [submitted] = await Promise.all([
		page.waitForResponse((r) => r.url().endsWith('/api/quiz/submit')),
		page.getByRole('button', { name: 'Submit answers' }).click(),
	]);
	expect(submitted.status()).toBe(200);
	await expect(page.locator('.quiz-result').getByText('You passed.')).toBeVisible();

	// The certificate: its verify link is on the public https address, and the PDF downloads.
	await page.goto('/dashboard');
	const certificates = page.getByRole('region', { name: 'My certificates' });
	await expect(certificates.getByText('Assessed certificate (test fixture)').first()).toBeVisible();
	await certificates
		.getByRole('link', { name: /View certificate|Verify link/ })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`^${proxy.url}/verify/[a-z2-7]{32}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Valid certificate/);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the certificate (PDF)' }).click(),
	]);
	const pdf = readFileSync((await download.path())!);
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	expect(extractText(pdf)).toContain(name);

	// A cross-site form post through the same proxy is still refused.
	const forged = await page.request.post('/login', {
		form: { email, password: PASSWORD },
		headers: { origin: 'https://evil.example' },
	});
	expect(forged.status()).toBe(403);

	// No proxy error, except a browser abandoning a response it no longer wants (a request cancelled
	// by the next navigation): Caddy logs that at error level ("aborting with incomplete response" /
	// "http2: stream closed"), nginx at info ("client prematurely closed connection").
	const proxyErrors = proxy
		.errorLog()
		.split('\n')
		.filter((line) => /\[(error|crit|alert|emerg)\]|"level":"error"/.test(line))
		.filter(
			(line) =>
				!/aborting with incomplete response.*(http2: stream closed|context canceled)/.test(line),
		);
	expect(proxyErrors).toEqual([]);
	await context.close();
}

for (const kind of ['nginx', 'caddy'] as const) {
	test.describe(`behind ${kind}`, () => {
		let server: TestServer;
		let proxy: TestProxy;

		test.beforeAll(async () => {
			const port = await getFreePort();
			server = await startServer({
				env: { SITE_URL: `https://localhost:${port}`, TRUST_PROXY: 'true' },
			});
			proxy =
				kind === 'nginx'
					? await startNginx(server.url, port)
					: await startCaddy(server.url, port, await getFreePort());
		});

		test.afterAll(async () => {
			await proxy?.stop();
			await server?.stop();
		});

		test(`through ${kind} over HTTPS a learner signs up, signs in, passes a quiz and downloads the certificate`, async ({
			browser,
		}) => {
			await walkThrough(browser, proxy, kind === 'nginx' ? 'Anika Rahman' : 'Priya Sharma');
		});
	});
}
