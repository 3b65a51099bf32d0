/**
 * `npm run user:create -- --email you@example.org --role admin [--name "Full Name"] [--password …]`
 *
 * Creates a user, or changes the role of an existing one. A new user without --password gets a
 * random one, printed once; the operator vouches for the address, so it counts as confirmed.
 * Promoting an existing account to instructor or admin keeps its password only when its owner has
 * confirmed the address; otherwise anyone could have signed up with it first, so the account gets a
 * new password (printed once, or --password), all its sessions end, and the address counts as
 * confirmed from now on. Works on DATABASE_URL (default data/dakshata.db), with the server running
 * or not.
 */
import { isLocale, LOCALES, type Locale } from '../src/lib/locales.ts';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { sessionTable, userTable } from '../db/schema.ts';
import { getPasswordProblem, hashPassword } from '../src/lib/server/auth/password.ts';
import { generateSecureRandomString } from '../src/lib/server/random.ts';
import { EmailSchema, NameSchema, RoleSchema } from '../src/lib/user-input.ts';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		role: { type: 'string', default: 'learner' },
		name: { type: 'string' },
		password: { type: 'string' },
		locale: { type: 'string', default: 'en' },
	},
});

const fail = (message: string) => {
	console.error(message);
	process.exit(2);
};
const email = EmailSchema.safeParse(values.email ?? '');
if (!email.success)
	fail('--email is required and must be an email address, e.g. --email you@example.org');
const role = RoleSchema.safeParse(values.role);
if (!role.success) fail('--role must be learner, instructor or admin');
if (!isLocale(values.locale)) fail(`--locale must be one of ${LOCALES.join(', ')}`);

const handle = await openDatabase({
	url: process.env.DATABASE_URL || 'file:data/dakshata.db',
	authToken: process.env.DATABASE_AUTH_TOKEN,
});
await migrateDatabase(handle.db);
const existing = await handle.db
	.select()
	.from(userTable)
	.where(eq(userTable.email, email.data!))
	.get();
if (existing && role.data !== 'learner' && !existing.emailVerifiedAt) {
	const password = values.password ?? randomBytes(12).toString('base64url');
	const problem = getPasswordProblem(password);
	if (problem)
		fail(
			`--password is not acceptable (${problem}): use 8 to 256 characters that are not a common password`,
		);
	const passwordHash = await hashPassword(password);
	await handle.db.batch([
		handle.db
			.update(userTable)
			.set({ role: role.data!, passwordHash, emailVerifiedAt: new Date() })
			.where(eq(userTable.id, existing.id)),
		handle.db.delete(sessionTable).where(eq(sessionTable.userId, existing.id)),
	]);
	console.log(`${existing.email} is now ${role.data}.`);
	console.log(
		'Its address was never confirmed, so its password was replaced and every session ended.',
	);
	if (!values.password)
		console.log(
			`Temporary password (shown once; give it to the owner of ${existing.email}): ${password}`,
		);
} else if (existing) {
	await handle.db.update(userTable).set({ role: role.data! }).where(eq(userTable.id, existing.id));
	console.log(`${existing.email} is now ${role.data}.`);
} else {
	const name = NameSchema.safeParse(values.name ?? email.data!.split('@')[0]);
	if (!name.success) fail('--name must be 1 to 100 printable characters');
	const password = values.password ?? randomBytes(12).toString('base64url');
	const problem = getPasswordProblem(password);
	if (problem)
		fail(
			`--password is not acceptable (${problem}): use 8 to 256 characters that are not a common password`,
		);
	await handle.db.insert(userTable).values({
		id: generateSecureRandomString(),
		email: email.data!,
		name: name.data!,
		passwordHash: await hashPassword(password),
		role: role.data!,
		locale: values.locale as Locale,
		emailVerifiedAt: new Date(),
	});
	console.log(`Created ${role.data} ${email.data}.`);
	if (!values.password)
		console.log(`Temporary password (shown once; change it on the account page): ${password}`);
}
handle.close();
