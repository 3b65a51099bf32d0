import { readFileSync } from 'node:fs';
import { uniqueEmail } from '../helpers/accounts.ts';
import { solveWithExcelJs } from '../helpers/project-solutions.ts';
import { expect, expectNoAxeViolations, signUpThroughForm, test } from './fixtures.ts';

const LESSON = '/courses/excel/project-march-orders';

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
	const { writeFileSync } = await import('node:fs');
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

test('a refused upload explains how to save the file, and records nothing', async ({ page }) => {
	await signUpThroughForm(page, {
		name: 'Imran Hossain',
		email: uniqueEmail('project'),
		password: 'green kettle morning',
	});
	await page.goto(LESSON);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download your start file' }).click();
	await downloading;
	await page.getByLabel('Your file (.xlsx, up to 10 MB)').setInputFiles({
		name: 'orders.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Order ID,Qty\nSR-1,2\nSR-2,3\n'),
	});
	await page.getByRole('button', { name: 'Upload and grade' }).click();
	await expect(page.getByRole('alert')).toContainText('That is a CSV file');
	await expect(page.locator('.project-history')).toHaveCount(0);
});
