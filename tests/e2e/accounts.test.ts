import { readConfirmLink, readLatestMail, uniqueEmail } from '../helpers/accounts.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('a learner signs up, signs out and in, changes their name, resets the password and ends another session', async ({
	page,
	browser,
}) => {
	const email = uniqueEmail('e2e');
	await page.goto('/signup');
	await expectNoAxeViolations(page);
	await page.getByLabel('Full name').fill('রহিমা খাতুন');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('orange bicycle river');
	await page.getByLabel('Preferred language').selectOption('en');
	await page.getByRole('button', { name: 'Create account' }).click();
	// The same answer as for a taken address: no session yet, a mail, then signing in.
	await expect(page).toHaveURL(/\/login\?notice=signed-up$/);
	await expect(page.getByRole('status')).toContainText(
		'We have sent a message to the address you gave',
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('orange bicycle river');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.getByText('Welcome, রহিমা খাতুন')).toBeVisible();

	// Confirm the address with the mailed link.
	const confirm = readConfirmLink(process.env.E2E_DATA_DIR!, email)!;
	await page.goto(confirm);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Confirm address' }).click();
	await expect(page.getByRole('status')).toHaveText(`Thank you: ${email} is confirmed.`);
	await page.goto('/dashboard');

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('You have signed out.')).toBeVisible();

	// A wrong password keeps the typed email and says what went wrong.
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('not my password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.');
	await expect(page.getByLabel('Email')).toHaveValue(email);
	await page.getByLabel('Password').fill('orange bicycle river');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);

	await page.getByRole('link', { name: 'Account' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Full name').fill('Rahima Khatun');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('status')).toHaveText('Your name has been saved.');
	await expect(page.getByLabel('Full name')).toHaveValue('Rahima Khatun');

	// A second device signs in; the first ends that session from the account page.
	const other = await browser.newContext({
		baseURL: page.url(),
		userAgent:
			'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/150.0 Mobile Safari/537.36',
	});
	const phone = await other.newPage();
	await phone.goto('/login');
	await phone.getByLabel('Email').fill(email);
	await phone.getByLabel('Password').fill('orange bicycle river');
	await phone.getByRole('button', { name: 'Sign in' }).click();
	await expect(phone).toHaveURL(/\/dashboard$/);
	await page.reload();
	await page.getByRole('button', { name: 'Sign out this session: Chrome on Android' }).click();
	await expect(page.getByRole('status')).toHaveText('The session has been signed out.');
	await phone.goto('/account');
	await expect(phone).toHaveURL(/\/login\?next=/);
	await other.close();

	// Reset the password through the emailed link (the outbox, as SMTP is not configured).
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByRole('status')).toContainText('If an account uses that email');
	const mail = readLatestMail(process.env.E2E_DATA_DIR!, email);
	const link = /https?:\/\/\S+/.exec(mail!.text)![0];
	await page.goto(link);
	await page.getByLabel('New password').fill('purple mango lantern');
	await page.getByRole('button', { name: 'Save new password' }).click();
	await expect(page.getByText('Your password has been changed')).toBeVisible();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('purple mango lantern');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
});

test('sign-up errors appear next to the field without JavaScript and keep what was typed', async ({
	browser,
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		baseURL: process.env.E2E_BASE_URL,
	});
	const page = await context.newPage();
	await page.goto('/signup');
	await page.getByLabel('Full name').fill('Asha Devi');
	await page.getByLabel('Email').fill('not-an-email');
	await page.getByLabel('Password', { exact: true }).fill('password123');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
	await expect(page.getByText('This password is one of the most common ones')).toBeVisible();
	await expect(page.getByLabel('Full name')).toHaveValue('Asha Devi');
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	await context.close();
});
