/**
 * The certificate journey in a real browser: a learner completes a short course, the certificate
 * appears on the dashboard, the PDF downloads and its QR code leads to the verify page, which says
 * valid; after an admin revokes it (in the admin page), the same link says revoked.
 * Uses the fixture course tests/fixtures/courses/cert-basics (two lessons, lessons-only rule).
 */
import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { userTable } from '../../db/schema.ts';
import { uniqueEmail } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { decodeQr, extractText, renderPage } from '../helpers/pdf.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const PASSWORD = 'amber lantern rooftop';

async function signUp(page: Page, name: string, email: string) {
	await page.goto('/signup');
	await page.getByLabel('Full name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/login\?notice=signed-up$/);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
}

test('a learner earns a certificate, downloads it, and a client sees it valid, then revoked', async ({
	page,
	browser,
}) => {
	// A long journey (three people, a PDF, two in-browser checks, two axe sweeps) on a shared machine.
	test.setTimeout(180_000);
	const email = uniqueEmail('cert');
	await signUp(page, 'রহিমা খাতুন', email);

	for (const lesson of ['first-steps', 'next-steps']) {
		await page.goto(`/courses/cert-basics/${lesson}`);
		await page.getByRole('button', { name: 'Mark as complete' }).click();
		await expect(page.getByText('You completed this lesson.')).toBeVisible();
	}

	// The certificate appears on the dashboard and links to its verify page.
	await page.goto('/dashboard');
	const certificates = page.getByRole('region', { name: 'My certificates' });
	await expect(certificates.getByText('Certificate basics (test fixture)').first()).toBeVisible();
	await certificates
		.getByRole('link', { name: /View certificate|Verify link/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/verify\/[a-z2-7]{32}$/);
	const verifyUrl = page.url();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Valid certificate/);
	await expect(page.getByText('রহিমা খাতুন', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	// The PDF downloads; its QR code leads back to this page; its text layer has the name.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the certificate (PDF)' }).click(),
	]);
	expect(download.suggestedFilename()).toMatch(/^dakshata-certificate-cert-basics-.+\.pdf$/);
	const pdf = readFileSync((await download.path())!);
	expect(extractText(pdf)).toContain('রহিমা খাতুন');
	expect(decodeQr(renderPage(pdf).png)).toBe(verifyUrl);

	// A client with no account opens the link.
	const client = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	const clientPage = await client.newPage();
	await clientPage.goto(verifyUrl);
	await expect(clientPage.getByRole('heading', { level: 1 })).toHaveText(/Valid certificate/);
	// "Check again" re-verifies the signature and both status lists in the browser (under the CSP).
	await clientPage.getByRole('button', { name: 'Check again' }).click();
	await expect(clientPage.getByRole('status').filter({ hasText: 'Checked just now' })).toHaveText(
		'Checked just now in your browser: genuine, not revoked, not suspended.',
	);
	await expect(clientPage.locator('verify-check li')).toHaveCount(6);

	// An admin revokes it with a reason.
	const adminEmail = uniqueEmail('cert-admin');
	const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	const admin = await adminContext.newPage();
	await signUp(admin, 'Site Admin', adminEmail);
	const { db } = await getTestDb(process.env.E2E_DATABASE_URL!);
	await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, adminEmail));
	await admin.goto('/admin');
	await admin.getByRole('link', { name: 'Certificates' }).click();
	await admin.getByLabel('Search by certificate id, learner email or name').fill(email);
	await admin.getByRole('button', { name: 'Search' }).click();
	await expectNoAxeViolations(admin);
	await admin
		.getByLabel('Reason (for a suspension or a revocation)')
		.fill('The assessment was taken by someone else.');
	await admin.getByRole('button', { name: /^Revoke/ }).click();
	await expect(admin.getByText('The certificate has been revoked.')).toBeVisible();
	await adminContext.close();

	await clientPage.reload();
	await expect(clientPage.getByRole('heading', { level: 1 })).toHaveText(
		/This certificate has been revoked/,
	);
	await expect(clientPage.getByText('The assessment was taken by someone else.')).toBeVisible();
	await clientPage.getByRole('button', { name: 'Check again' }).click();
	await expect(clientPage.getByRole('status').filter({ hasText: 'Checked just now' })).toHaveText(
		'Checked just now in your browser: this certificate is NOT valid.',
	);
	await expectNoAxeViolations(clientPage);
	await client.close();

	await page.goto('/dashboard');
	await expect(certificates.getByText(/Revoked/).first()).toBeVisible();
});
