/**
 * Learning offline: the installable app (manifest + service worker), saving a course, reading it
 * and marking lessons complete without a connection, the completions arriving once when the
 * connection returns, sign-out clearing the saved pages, and the update offer for a changed course.
 */
import type { Page } from '@playwright/test';
import { uniqueEmail } from '../helpers/accounts.ts';
import { expect, expectNoAxeViolations, signUpThroughForm, test } from './fixtures.ts';

const LESSONS = [
	['/courses/getting-started/how-courses-work', 'How a Dakshata course works'],
	['/courses/getting-started/plan-your-study-week', 'Plan your study week'],
	['/courses/getting-started/prove-your-skills', null],
] as const;

/**
 * Waits until a service worker is active and controls the page. The worker claims the pages open
 * when it activates; a page that was still loading at that moment can miss it (no
 * `controllerchange` ever comes: a run under load hung here for the test's 4 minutes), but a page
 * loaded after activation is controlled from the start: then look again after one reload.
 */
async function waitForServiceWorker(page: Page) {
	for (let reloaded = false; ; reloaded = true) {
		const controlled = await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (navigator.serviceWorker.controller) return true;
			return new Promise<boolean>((resolve) => {
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), {
					once: true,
				});
				setTimeout(() => resolve(Boolean(navigator.serviceWorker.controller)), 10_000);
			});
		});
		if (controlled) return;
		if (reloaded) throw new Error('no service worker controls the page, even after a reload');
		await page.reload();
	}
}

/** Saves the course on the current course page and returns the "Saved — …" text. */
async function saveCourse(page: Page) {
	const save = page.getByRole('button', { name: /^Save for offline \(\d+(\.\d)? (KB|MB)\)$/ });
	await expect(save).toBeEnabled();
	await save.click();
	const saved = page.getByRole('status').filter({ hasText: /^Saved — / });
	await expect(saved).toBeVisible({ timeout: 30_000 });
	return saved.textContent();
}

test('the app can be installed: a manifest in the page language and a service worker', async ({
	page,
}) => {
	await page.goto('/');
	const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(manifestUrl).toBe('/manifest.webmanifest');
	const manifest = await (await page.request.get(manifestUrl!)).json();
	expect(manifest).toMatchObject({
		name: 'Dakshata',
		start_url: '/dashboard',
		display: 'standalone',
		theme_color: '#0b5cad',
	});
	for (const size of ['192x192', '512x512']) {
		const icon = manifest.icons.find(
			(i: { sizes: string; type: string }) => i.sizes === size && i.type === 'image/png',
		);
		expect((await page.request.get(icon.src)).headers()['content-type']).toBe('image/png');
	}

	await page.goto('/bn/');
	const bn = await (
		await page.request.get((await page.locator('link[rel="manifest"]').getAttribute('href'))!)
	).json();
	expect(bn).toMatchObject({ name: 'দক্ষতা', lang: 'bn', start_url: '/bn/dashboard' });

	await waitForServiceWorker(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
		/\/sw\.js$/,
	);
});

test('a learner saves a course, studies it offline, and the completions arrive once when back online', async ({
	page,
	context,
}) => {
	const completions: string[] = [];
	page.on('response', async (res) => {
		if (
			res.request().method() === 'POST' &&
			new URL(res.url()).pathname === '/api/progress' &&
			res.ok()
		) {
			completions.push(JSON.parse(res.request().postData() ?? '{}').lesson);
		}
	});
	await signUpThroughForm(page, {
		name: 'Farzana Haque',
		email: uniqueEmail('offline'),
		password: 'green kettle morning',
	});
	await page.goto('/courses/getting-started');
	await page.getByRole('button', { name: 'Enrol for free' }).click();
	await waitForServiceWorker(page);

	expect(await saveCourse(page)).toMatch(/^Saved — \d+(\.\d)? (KB|MB), version 2026\.1$/);
	await expect(page.getByText(/^Storage on this device: .+ used, .+ available\.$/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Remove from this device' })).toBeVisible();
	await expectNoAxeViolations(page);

	await context.setOffline(true);
	await page.goto('/courses/getting-started');
	await expect(page.getByText('Offline', { exact: true })).toBeVisible();
	for (const [url, title] of LESSONS) {
		await page.goto(url);
		if (title) await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeVisible();
	}
	// The quiz says it needs a connection.
	await expect(
		page.getByText('This needs a connection: answers are checked on the server.', { exact: false }),
	).toBeVisible();

	for (const [url] of LESSONS.slice(0, 2)) {
		await page.goto(url);
		await page.getByRole('button', { name: 'Mark as complete' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
	}
	expect(completions).toEqual([]);

	// A page that was never saved: the offline page lists what is.
	await page.goto('/account');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
	await expect(page.getByRole('link', { name: 'Getting started with Dakshata' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto(LESSONS[1][0]);
	await context.setOffline(false);
	await expect(page.getByText('You completed this lesson.')).toBeVisible({ timeout: 15_000 });
	await page.goto('/dashboard');
	await expect(page.getByText('2 of 4 required items done (50%)')).toBeVisible();
	// The dashboard card says the course is on the device.
	await expect(
		page.getByRole('status').filter({ hasText: /^Saved — .+, version 2026\.1$/ }),
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(LESSONS[0][0]);
	await expect(page.getByText('You completed this lesson.')).toBeVisible();
	expect(completions.sort()).toEqual(['how-courses-work', 'plan-your-study-week']);

	// Sign-out clears the learner's saved and visited pages.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('You have signed out.', { exact: false })).toBeVisible();
	await expect
		.poll(() =>
			page.evaluate(async () =>
				(await caches.keys()).filter(
					(n) => n === 'dakshata-pages' || n.startsWith('dakshata-course-'),
				),
			),
		)
		.toEqual([]);
	await context.setOffline(true);
	await page.goto(LESSONS[0][0]);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
	await expect(
		page.getByText('No course is saved on this device yet.', { exact: false }),
	).toBeVisible();
	await context.setOffline(false);
});

test('a course saved in an older version offers an update with its size', async ({ page }) => {
	await page.goto('/courses/getting-started');
	await waitForServiceWorker(page);
	await saveCourse(page);
	// As if version 2025.2 had been saved before the course changed.
	await page.evaluate(() => {
		const saved = JSON.parse(localStorage.getItem('dakshata:offline-courses') ?? '{}');
		saved['getting-started'].version = '2025.2';
		localStorage.setItem('dakshata:offline-courses', JSON.stringify(saved));
	});
	await page.reload();
	await expect(page.getByText('Saved — ', { exact: false })).toContainText('version 2025.2');
	await expect(page.getByText('A new version of this course is available.')).toBeVisible();
	await page.getByRole('button', { name: /^Update \(\d+(\.\d)? (KB|MB)\)$/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /version 2026\.1$/ })).toBeVisible({
		timeout: 30_000,
	});
	await expect(page.getByRole('button', { name: /^Update/ })).toHaveCount(0);

	await page.getByRole('button', { name: 'Remove from this device' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Removed from this device.' }),
	).toBeVisible();
	expect(await page.evaluate(async () => caches.has('dakshata-course-getting-started'))).toBe(
		false,
	);
});

test('Bengali pages show the offline widget and sizes in Bengali digits', async ({ page }) => {
	await page.goto('/bn/courses/getting-started');
	await expect(
		page.getByRole('button', { name: /^অফলাইনের জন্য সেভ করুন \([০-৯.]+ (KB|MB)\)$/ }),
	).toBeEnabled();
	await expectNoAxeViolations(page);
});

test('a new build of the service worker waits while a page uses the old one, and takes over once it is closed', async ({
	context,
}) => {
	// The build the learner first meets is marked: its worker answers /__sw-version. The browser's
	// own update check (which Playwright's routing does not see) then fetches the build on the
	// server, byte-different from the marked one: a new build, as after a deploy.
	let served = 0;
	await context.route('**/sw.js', async (route) => {
		const res = await route.fetch();
		served++;
		const body =
			(await res.text()) +
			`\nself.addEventListener('fetch', (e) => { if (new URL(e.request.url).pathname === '/__sw-version') e.respondWith(new Response('old build')); });\n`;
		await route.fulfill({ response: res, body });
	});
	// Which worker answers this page's requests: the old build says so; the new one lets the request through.
	const askVersion = (p: Page) =>
		p.evaluate(() => fetch('/__sw-version').then((r) => (r.ok ? r.text() : 'new build')));
	const controller = (p: Page) =>
		p.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

	const page = await context.newPage();
	await page.goto(LESSONS[0][0]);
	await waitForServiceWorker(page);
	expect(served).toBeGreaterThan(0);
	expect(await askVersion(page)).toBe('old build');

	// The new build installs and waits; the open page keeps the worker it started with and still works.
	const waiting = await page.evaluate(async () => {
		const registration = (await navigator.serviceWorker.getRegistration())!;
		await registration.update();
		const worker = registration.installing ?? registration.waiting;
		if (worker && worker.state !== 'installed')
			await new Promise((r) =>
				worker.addEventListener('statechange', () => worker.state === 'installed' && r(null)),
			);
		return Boolean(registration.waiting);
	});
	expect(waiting).toBe(true);
	expect(await askVersion(page)).toBe('old build');
	await page.getByRole('link', { name: LESSONS[1][1]! }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSONS[1][1]!);
	expect(await askVersion(page)).toBe('old build');

	// Once no page uses the old worker, the new one takes over (the browser activates it between the
	// last page closing and the next opening, so look again until it has), and pages work under it.
	await page.close();
	await expect
		.poll(
			async () => {
				const next = await context.newPage();
				await next.goto(LESSONS[0][0]);
				await waitForServiceWorker(next);
				const answer = await askVersion(next);
				expect(await controller(next)).toMatch(/\/sw\.js$/);
				await expect(next.getByRole('heading', { level: 1 })).toHaveText(LESSONS[0][1]!);
				await next.close();
				return answer;
			},
			{ timeout: 20_000, intervals: [500, 1000, 2000] },
		)
		.toBe('new build');
});
