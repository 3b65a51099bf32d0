/**
 * The account page's forms (`/account`): change name, address, password and language, ask for a
 * confirmation link, end one or all other sessions. Each form posts an `intent` with its fields;
 * `handleAccountPost` validates and carries it out, and the page only renders the outcome.
 */
import { z } from 'astro/zod';
import type { Locale, Translate } from '../../i18n.ts';
import { EmailSchema, LocaleSchema, NameSchema } from '../../user-input.ts';
import { readForm, validate, type FieldErrors } from '../http/body.ts';
import { getPendingEmailChange, requestEmailVerification } from './email-verification.ts';
import { NewPasswordSchema, verifyPassword } from './password.ts';
import { getUserSessions, invalidateOwnSession, invalidateUserSessions } from './session.ts';
import {
	getUserById,
	updateUserLocale,
	updateUserName,
	updateUserPassword,
	type UserRow,
} from './user.ts';

const CurrentPasswordSchema = z.string().min(1, 'required').max(256, 'passwordWrong');

/** The fields of each form, by its `intent`. */
const ACCOUNT_FORMS = {
	name: z.object({ name: NameSchema }),
	email: z.object({ email: EmailSchema, currentPassword: CurrentPasswordSchema }),
	password: z.object({ currentPassword: CurrentPasswordSchema, newPassword: NewPasswordSchema }),
	locale: z.object({ locale: LocaleSchema }),
	'end-session': z.object({ sessionId: z.string().regex(/^[a-z2-9]{24}$/) }),
	'end-others': z.object({}),
	verify: z.object({}),
};
export type AccountIntent = keyof typeof ACCOUNT_FORMS;

const isIntent = (value: string | undefined): value is AccountIntent =>
	value !== undefined && Object.hasOwn(ACCOUNT_FORMS, value);

/**
 * What a post came to: a redirect (`path`, in `locale`, which the language form changes), or the
 * page again with a status, the form's typed values and its errors (field errors, or one message
 * for the whole form).
 */
export type AccountPostOutcome =
	| { redirect: string; locale: Locale }
	| {
			status: number;
			headers?: Record<string, string>;
			intent?: AccountIntent;
			values: Record<string, string>;
			errors: FieldErrors;
			formError?: string;
	  };

/** Carries out one account form post of the signed-in user (`userId`, on session `sessionId`). */
export async function handleAccountPost(
	request: Request,
	userId: string,
	sessionId: string,
	locale: Locale,
	t: Translate,
): Promise<AccountPostOutcome> {
	const fields = await readForm(request);
	const intent = fields?.intent;
	if (!fields || !isIntent(intent))
		return {
			status: 400,
			values: {},
			errors: {},
			formError: t(fields ? 'error.badRequest' : 'form.notForm'),
		};
	const again = (
		status: number,
		more: { errors?: FieldErrors; formError?: string; headers?: Record<string, string> },
	) => ({ status, intent, values: fields, errors: {}, ...more });
	const done = (path: string, to = locale) => ({ redirect: path, locale: to });

	const result = validate(ACCOUNT_FORMS[intent], fields);
	if (!result.ok) return again(400, { errors: result.errors });
	const data = result.data as Record<string, string>;
	const user = (await getUserById(userId))!;
	if (
		(intent === 'email' || intent === 'password') &&
		!(await verifyPassword(user.passwordHash, data.currentPassword!))
	) {
		return again(400, { errors: { currentPassword: 'passwordWrong' } });
	}
	switch (intent) {
		case 'name':
			await updateUserName(user.id, data.name!);
			return done('/account?done=name');
		case 'email':
		case 'verify': {
			// A new address takes effect only when the link sent to it is opened (email-verification.ts);
			// the current address typed again just asks for a new confirmation link.
			const newEmail = intent === 'email' && data.email !== user.email ? data.email : undefined;
			const outcome = await requestEmailVerification(user.id, newEmail);
			if (!outcome.allowed) {
				return again(429, {
					headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
					formError: t('error.tooMany', { minutes: Math.ceil(outcome.retryAfterSeconds / 60) }),
				});
			}
			return done(
				newEmail
					? '/account?done=email-sent'
					: user.emailVerifiedAt
						? '/account'
						: '/account?done=verify',
			);
		}
		case 'password':
			await updateUserPassword(user.id, data.newPassword!);
			await invalidateUserSessions(user.id, sessionId);
			return done('/account?done=password');
		case 'locale': {
			const to = (result.data as { locale: Locale }).locale;
			await updateUserLocale(user.id, to);
			return done('/account?done=language', to);
		}
		case 'end-session':
			if (data.sessionId === sessionId || !(await invalidateOwnSession(user.id, data.sessionId!)))
				return again(404, { formError: t('error.badRequest') });
			return done('/account?done=session');
		case 'end-others':
			await invalidateUserSessions(user.id, sessionId);
			return done('/account?done=others');
	}
}

/** What the account page shows: the user, a pending address change, and their sessions. */
export async function getAccountView(userId: string): Promise<{
	user: UserRow;
	pendingEmail: Awaited<ReturnType<typeof getPendingEmailChange>>;
	sessions: Awaited<ReturnType<typeof getUserSessions>>;
}> {
	const user = (await getUserById(userId))!;
	return {
		user,
		pendingEmail: await getPendingEmailChange(user),
		sessions: await getUserSessions(user.id),
	};
}
