/**
 * Puts the analytics fixture (tests/helpers/analytics-fixture.ts) into the end-to-end server's
 * database once, with its instructor account, whichever test asks first (the instructor journey or
 * the accessibility sweep). Safe to call again: it checks the database before writing.
 */
import { count, eq, inArray } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { enrolmentTable, userTable } from '../../db/schema.ts';
import { GOOD_PASSWORD, signUp } from '../helpers/accounts.ts';
import {
	FIXTURE_COURSE,
	FIXTURE_INSTRUCTOR,
	seedAnalyticsFixture,
} from '../helpers/analytics-fixture.ts';
import { getTestDb } from '../helpers/db.ts';
import { expect } from './fixtures.ts';

const NAMES = [
	'রহিমা খাতুন',
	'Anita Das',
	'Karim Uddin',
	'सुनील कुमार',
	'Learner Five',
	'Learner Six',
	'Learner Seven',
	'Learner Eight',
	'Learner Nine',
	'Learner Ten',
];

/** Seeds the fixture if it is not there yet and returns the instructor's credentials. */
export async function prepareAnalyticsFixture(): Promise<{ email: string; password: string }> {
	const base = process.env.E2E_BASE_URL!;
	const { db } = await getTestDb(process.env.E2E_DATABASE_URL!);
	const trainer = await db
		.select()
		.from(userTable)
		.where(eq(userTable.email, FIXTURE_INSTRUCTOR))
		.get();
	if (!trainer) {
		await signUp(base, { email: FIXTURE_INSTRUCTOR, name: 'Fixture Trainer' });
		await db
			.update(userTable)
			.set({ role: 'instructor', emailVerifiedAt: new Date() })
			.where(eq(userTable.email, FIXTURE_INSTRUCTOR));
	}
	const seeded = await db
		.select({ n: count() })
		.from(enrolmentTable)
		.where(eq(enrolmentTable.courseSlug, FIXTURE_COURSE))
		.get();
	if (!seeded?.n) {
		const emails: string[] = [];
		for (const name of NAMES) emails.push((await signUp(base, { name })).email);
		const users = await db
			.select({ id: userTable.id, email: userTable.email })
			.from(userTable)
			.where(inArray(userTable.email, emails));
		await seedAnalyticsFixture(
			db,
			emails.map((e) => users.find((u) => u.email === e)!.id),
			Date.now(),
		);
	}
	return { email: FIXTURE_INSTRUCTOR, password: GOOD_PASSWORD };
}

/** Signs the fixture's instructor in through the sign-in form. */
export async function signInAsFixtureInstructor(page: Page): Promise<void> {
	const { email, password } = await prepareAnalyticsFixture();
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
}
