import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { uniqueEmail } from '../helpers/accounts.ts';
import { solveWithExcelJs } from '../helpers/project-solutions.ts';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signUpThroughForm, test } from './fixtures.ts';

const LESSON = '/courses/excel/project-march-orders';
const FILE_LABEL = 'Your file (.xlsx, up to 10 MB)';

/** Signs a new learner up, downloads their start file from the lesson, and returns it with the project page's address. */
async function startProject(
	page: Page,
	name: string,
): Promise<{ start: Uint8Array; projectPage: string }> {
	await signUpThroughForm(page, {
		name,
		email: uniqueEmail('project'),
		password: 'green kettle morning',
	});
	await page.goto(LESSON);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download your start file' }).click();
	const start = new Uint8Array(readFileSync((await (await downloading).path())!));
	return {
		start,
		projectPage: (await page.locator('form.project-upload').getAttribute('action'))!,
	};
}

test('a learner downloads a start file, a script completes it, they upload it, fix a failed step and pass; the lesson completes', async ({
	page,
}, testInfo) => {
	test.setTimeout(120_000);
	await signUpThroughForm(page, {
		name: 'Farzana Begum',
		email: uniqueEmail('project'),
		password: 'green kettle morning',
	});

	await page.goto(LESSON);
	await expect(
		page.getByRole('heading', { name: 'March order report for Spice Route Kitchen' }),
	).toBeVisible();
	await expectNoAxeViolations(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download your start file' }).click();
	const download = await downloading;
	const start = new Uint8Array(readFileSync((await download.path())!));

	// "The learner" forgets the WhatsApp step the first time.
	const first = testInfo.outputPath('first.xlsx');
	writeFileSync(first, await solveWithExcelJs('order-report', start, ['whatsapp-totals']));
	await page.getByLabel('Your file (.xlsx, up to 10 MB)').setInputFiles(first);
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByText('Score: 75% (pass mark 80%)')).toBeVisible();
	await expect(page.getByText('Not passed yet.')).toBeVisible();
	const whatsapp = page.locator('[data-step="whatsapp-totals"]');
	await expect(whatsapp).toContainText('0 of 25 points');
	await expect(whatsapp).toContainText('not yet');
	await expect(whatsapp).toContainText('Add a second pair of criteria range and criterion');
	await expectNoAxeViolations(page);

	// They fix that step in the same file and upload again.
	const fixed = testInfo.outputPath('fixed.xlsx');
	writeFileSync(fixed, await solveWithExcelJs('order-report', start));
	await page.getByLabel('Your file (.xlsx, up to 10 MB)').setInputFiles(fixed);
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByText('Score: 100% (pass mark 80%)')).toBeVisible();
	await expect(page.getByText('Passed. Well done')).toBeVisible();
	await expect(page.getByText('Best score: 100%')).toBeVisible();
	await expect(page.locator('.project-history li')).toHaveCount(2);

	await page.goto(LESSON);
	await expect(page.getByText('You completed this lesson.')).toBeVisible();
});

test('with JavaScript, a dropped file uploads with a progress bar to 100%, "Grading…", and then the report; a failed or cancelled upload keeps the file for a retry', async ({
	page,
}) => {
	test.setTimeout(120_000);
	const { start, projectPage } = await startProject(page, 'Nusrat Jahan');
	const solved = await solveWithExcelJs('order-report', start);

	// What the page shows while uploading is recorded as it changes (the page is gone once the report loads).
	const seen: { progress: string; bytes: string; status: string }[] = [];
	await page.exposeFunction(
		'recordUpload',
		(state: { progress: string; bytes: string; status: string }) => seen.push(state),
	);
	await page.addInitScript(() => {
		const w = window as unknown as { recordUpload: (s: object) => void };
		let last = '';
		new MutationObserver(() => {
			const state = {
				progress: document.querySelector('project-upload progress')?.getAttribute('value') ?? '',
				bytes: document.querySelector('project-upload .upload-bytes')?.textContent ?? '',
				status: document.querySelector('project-upload [role=status]')?.textContent ?? '',
			};
			if (JSON.stringify(state) !== last) w.recordUpload(state);
			last = JSON.stringify(state);
		}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
	});
	await page.goto(projectPage);
	await expect(page.getByText('Or drag your file here and drop it on this box.')).toBeVisible();

	// The learner drags the file from their file manager onto the form.
	const dropped = await page.evaluateHandle((bytes) => {
		const list = new DataTransfer();
		list.items.add(
			new File([new Uint8Array(bytes)], 'march.xlsx', {
				type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			}),
		);
		return list;
	}, Array.from(solved));
	await page.locator('form.project-upload').dispatchEvent('drop', { dataTransfer: dropped });
	await expect(page.getByRole('status')).toContainText('Chosen: march.xlsx');
	const input = page.getByLabel(FILE_LABEL);
	await expect
		.poll(() => input.evaluate((el: HTMLInputElement) => el.files?.[0]?.name))
		.toBe('march.xlsx');
	await expectNoAxeViolations(page);

	// Cancel: the server never answers this one; the learner gives up waiting.
	await page.route(projectPage, () => {});
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Cancel upload' })).toBeFocused();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Cancel upload' }).click();
	await expect(page.getByRole('status')).toHaveText(
		/^Upload cancelled\. Your file is still chosen/,
	);
	await expect(page.getByRole('progressbar')).toBeHidden();
	await page.unrouteAll({ behavior: 'ignoreErrors' });

	// The connection drops: the page says so, and the file is still there.
	await page.route(projectPage, (route) => route.abort('internetdisconnected'));
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/^The upload did not get through: the connection dropped\. Your file is still chosen/,
	);
	await expect(page.getByRole('button', { name: 'Upload and grade' })).toBeEnabled();
	await expect
		.poll(() => input.evaluate((el: HTMLInputElement) => el.files?.[0]?.name))
		.toBe('march.xlsx');
	await page.unrouteAll({ behavior: 'ignoreErrors' });

	// The learner tries again, and this time it goes through. (Chromium reports upload progress to a
	// local server in one step, so the bar's states are read from the record, not watched live.)
	seen.length = 0;
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByText('Score: 100% (pass mark 80%)')).toBeVisible();
	await expect(page).toHaveURL(/\?submission=[^#]+#report$/);
	await expect(page.getByText('Passed. Well done')).toBeVisible();
	await expect(page.locator('.project-history li')).toHaveCount(1);

	// Before the report loaded: "Sending…" with the bar rising, then full with "Grading…".
	const full = seen.findIndex((s) => s.progress === '100' && s.status === 'Grading…');
	expect(full, JSON.stringify(seen)).toBeGreaterThan(0);
	expect(seen[full]?.bytes).toMatch(/^100% sent \(\d+ kB of \d+ kB\)$/);
	const upload = seen.slice(
		seen.findIndex((s) => s.status === 'Sending your file…'),
		full + 1,
	);
	expect(upload.length, JSON.stringify(seen)).toBeGreaterThan(1);
	const values = upload.map((s) => Number(s.progress));
	expect(values).toEqual([...values].sort((a, b) => a - b));
	await expectNoAxeViolations(page);
});

test('with JavaScript, a CSV or an over-10 MB file is refused in the browser before anything is sent', async ({
	page,
}) => {
	const { projectPage } = await startProject(page, 'Rakib Ahmed');
	await page.goto(projectPage);
	const posts: string[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST') posts.push(r.url());
	});
	const input = page.getByLabel(FILE_LABEL);
	await input.setInputFiles({
		name: 'orders.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Order ID,Qty\nSR-1,2\n'),
	});
	await expect(page.getByRole('alert')).toContainText('That is a CSV file');
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByRole('alert')).toContainText('That is a CSV file');

	await input.setInputFiles({
		name: 'orders.xlsx',
		mimeType: 'application/octet-stream',
		buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
	});
	await expect(page.getByRole('alert')).toHaveText(
		'That file is larger than 10 MB. Remove pictures or extra sheets you added and save again.',
	);
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByRole('alert')).toContainText('larger than 10 MB');
	await expect(page.getByRole('progressbar')).toBeHidden();
	expect(posts).toEqual([]);
	await expect(page.locator('.project-history')).toHaveCount(0);

	// A workbook that is not their start file goes to the server, which refuses it; the reason from
	// the server's page is shown and the file stays chosen.
	const stranger = new ExcelJS.Workbook();
	stranger.addWorksheet('Orders').addRow(['Order ID', 'Qty']);
	await input.setInputFiles({
		name: 'orders.xlsx',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(await stranger.xlsx.writeBuffer()),
	});
	await expect(page.getByRole('alert')).toBeHidden();
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByRole('alert')).toHaveText(/attempt key/);
	expect(posts).toHaveLength(1);
	await expect
		.poll(() => input.evaluate((el: HTMLInputElement) => el.files?.[0]?.name))
		.toBe('orders.xlsx');
	await expect(page.locator('.project-history')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the plain form uploads the file and shows the report', async ({ page }, testInfo) => {
		test.setTimeout(120_000);
		const { start, projectPage } = await startProject(page, 'Tania Akter');
		await page.goto(projectPage);
		await expect(page.getByText('Or drag your file here and drop it on this box.')).toBeHidden();
		await expect(page.getByRole('progressbar')).toBeHidden();
		const solved = testInfo.outputPath('solved.xlsx');
		writeFileSync(solved, await solveWithExcelJs('order-report', start));
		await page.getByLabel(FILE_LABEL).setInputFiles(solved);
		await page.getByRole('button', { name: 'Upload and grade' }).click();
		await expect(page).toHaveURL(/\?submission=[^#]+#report$/);
		await expect(page.getByText('Score: 100% (pass mark 80%)')).toBeVisible();
		await expect(page.locator('.project-history li')).toHaveCount(1);
	});

	test('the server refuses a CSV upload, explains how to save the file, and records nothing', async ({
		page,
	}) => {
		const { projectPage } = await startProject(page, 'Imran Hossain');
		await page.goto(projectPage);
		await page.getByLabel(FILE_LABEL).setInputFiles({
			name: 'orders.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Order ID,Qty\nSR-1,2\nSR-2,3\n'),
		});
		await page.getByRole('button', { name: 'Upload and grade' }).click();
		await expect(page.getByRole('alert')).toContainText('That is a CSV file');
		await expect(page.locator('.project-history')).toHaveCount(0);
	});
});

test('a passed required project earns the certificate, and the credential carries it as evidence', async ({
	page,
	request,
}, testInfo) => {
	test.setTimeout(120_000);
	await signUpThroughForm(page, {
		name: 'Sadia Islam',
		email: uniqueEmail('evidence'),
		password: 'green kettle morning',
	});
	await page.goto('/courses/project-fixture/read-first');
	await page.getByRole('button', { name: 'Mark as complete' }).click();
	await expect(page.getByText('You completed this lesson.')).toBeVisible();

	await page.goto('/courses/project-fixture/the-project');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download your start file' }).click();
	const start = new Uint8Array(readFileSync((await (await downloading).path())!));
	const solved = testInfo.outputPath('solved.xlsx');
	writeFileSync(solved, await solveWithExcelJs('order-report', start));
	await page.getByLabel('Your file (.xlsx, up to 10 MB)').setInputFiles(solved);
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByText('Passed. Well done')).toBeVisible();

	// The certificate is on the dashboard; its verify page names the project and its score.
	await page.goto('/dashboard');
	await page
		.getByRole('region', { name: 'My certificates' })
		.getByRole('link', { name: /View certificate|Verify link/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/verify\/[a-z2-7]{32}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Valid certificate/);
	await expect(page.getByRole('heading', { name: 'Graded hands-on work' })).toBeVisible();
	await expect(page.getByText(/Fixture order totals: scored 100% on/)).toBeVisible();

	// The signed credential a wallet receives lists the same work as Open Badges 3.0 evidence.
	const credential = await (await request.get(`${page.url()}.json`)).json();
	const evidence = credential.evidence as {
		name: string;
		description?: string;
		type: string[] | string;
	}[];
	expect(evidence.map((e) => e.name)).toContain('Fixture order totals');
	expect(JSON.stringify(evidence.find((e) => e.name === 'Fixture order totals'))).toMatch(/100/);
});
