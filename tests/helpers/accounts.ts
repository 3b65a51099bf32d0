/** Creating and signing in test users over HTTP, as a browser would. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from './http.ts';

let counter = 0;

/** A fresh unique email for a test. */
export function uniqueEmail(prefix = 'learner'): string {
	counter++;
	return `${prefix}-${Date.now().toString(36)}-${counter}@example.org`;
}

export const GOOD_PASSWORD = 'plum tractor sunrise 42';

/**
 * Signs a new user up and returns a browser holding their session. Sign-up itself starts no
 * session (it answers the same for a new and a taken address), so this signs in afterwards, as a
 * learner does. The address stays unconfirmed.
 */
export async function signUp(
	base: string,
	fields: Partial<Record<'name' | 'email' | 'password' | 'locale', string>> = {},
) {
	const browser = new Browser(base);
	const email = fields.email ?? uniqueEmail();
	const password = fields.password ?? GOOD_PASSWORD;
	const res = await browser.postForm('/signup', {
		name: fields.name ?? 'Rahima Khatun',
		email,
		password,
		locale: fields.locale ?? 'en',
	});
	if (res.status !== 303)
		throw new Error(`sign-up failed with ${res.status}: ${(await res.text()).slice(0, 500)}`);
	const login = await browser.postForm('/login', { email, password });
	if (login.status !== 303) throw new Error(`sign-in after sign-up failed with ${login.status}`);
	return { browser, email };
}

/** Signs in an existing user. */
export async function signIn(
	base: string,
	email: string,
	password = GOOD_PASSWORD,
	userAgent?: string,
) {
	const browser = new Browser(base, userAgent);
	const res = await browser.postForm('/login', { email, password });
	return { browser, res };
}

/** The newest outbox message sent to `to`, or undefined. */
export function readLatestMail(
	dataDir: string,
	to: string,
): { subject: string; text: string } | undefined {
	const dir = join(dataDir, 'outbox');
	let files: string[] = [];
	try {
		files = readdirSync(dir).sort();
	} catch {
		return undefined;
	}
	for (const file of files.reverse()) {
		const mail = JSON.parse(readFileSync(join(dir, file), 'utf8'));
		if (mail.to === to) return mail;
	}
	return undefined;
}

/** The confirmation link in the newest outbox mail to `to`, or undefined. */
export function readConfirmLink(dataDir: string, to: string): string | undefined {
	const mail = readLatestMail(dataDir, to);
	return mail ? /https?:\/\/\S+\/confirm-email\?token=[a-z2-9.]+/.exec(mail.text)?.[0] : undefined;
}

/** Opens the confirmation link mailed to `to` and presses its button, as its owner would. */
export async function confirmEmailFromMail(
	base: string,
	dataDir: string,
	to: string,
): Promise<Response> {
	const link = readConfirmLink(dataDir, to);
	if (!link) throw new Error(`no confirmation mail for ${to}`);
	const url = new URL(link);
	const browser = new Browser(base);
	return browser.postForm(url.pathname, { token: url.searchParams.get('token')! });
}
