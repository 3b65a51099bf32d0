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

/** Signs a new user up and returns a browser holding their session. */
export async function signUp(base: string, fields: Partial<Record<'name' | 'email' | 'password' | 'locale', string>> = {}) {
	const browser = new Browser(base);
	const email = fields.email ?? uniqueEmail();
	const res = await browser.postForm('/signup', {
		name: fields.name ?? 'Rahima Khatun',
		email,
		password: fields.password ?? GOOD_PASSWORD,
		locale: fields.locale ?? 'en',
	});
	if (res.status !== 303) throw new Error(`sign-up failed with ${res.status}: ${(await res.text()).slice(0, 500)}`);
	return { browser, email };
}

/** Signs in an existing user. */
export async function signIn(base: string, email: string, password = GOOD_PASSWORD, userAgent?: string) {
	const browser = new Browser(base, userAgent);
	const res = await browser.postForm('/login', { email, password });
	return { browser, res };
}

/** The newest outbox message sent to `to`, or undefined. */
export function readLatestMail(dataDir: string, to: string): { subject: string; text: string } | undefined {
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
