/**
 * Password hashing with argon2id (Node's built-in `crypto.argon2`), stored as a PHC string so the
 * parameters can be raised later: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (base64, no
 * padding). Parameters are OWASP's minimum for argon2id; `verifyPassword` reads them from the stored
 * string, and `needsRehash` tells when a stored hash is weaker than the current parameters.
 */
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'astro/zod';
import commonPasswords from './common-passwords.json' with { type: 'json' };

const argon2Async = promisify(argon2);

export const ARGON2_PARAMS = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 } as const;

const COMMON = new Set(commonPasswords as string[]);

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Hashes a password into a PHC string. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const hash = await argon2Async('argon2id', { message: password, nonce: salt, ...ARGON2_PARAMS });
	const { memory: m, passes: t, parallelism: p } = ARGON2_PARAMS;
	return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(hash)}`;
}

/** True when `password` matches the PHC string; false for any malformed hash. Constant-time compare. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
	const match =
		/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
	if (!match) return false;
	const [, m, t, p, salt, expected] = match;
	const expectedBytes = Buffer.from(expected!, 'base64');
	const actual = await argon2Async('argon2id', {
		message: password,
		nonce: Buffer.from(salt!, 'base64'),
		memory: Number(m),
		passes: Number(t),
		parallelism: Number(p),
		tagLength: expectedBytes.length,
	});
	return actual.length === expectedBytes.length && timingSafeEqual(actual, expectedBytes);
}

/** True when a stored hash uses weaker parameters than the current ones. */
export function needsRehash(hash: string): boolean {
	const match = /m=(\d+),t=(\d+),p=(\d+)/.exec(hash);
	if (!match) return true;
	return Number(match[1]) < ARGON2_PARAMS.memory || Number(match[2]) < ARGON2_PARAMS.passes;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common';

/**
 * Checks a new password: 8 to 256 characters, no composition rules, not among the 10,000 most
 * common passwords. Returns the problem, or null.
 */
export function getPasswordProblem(password: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < 8) return 'tooShort';
	if (length > 256) return 'tooLong';
	if (COMMON.has(password.toLowerCase())) return 'common';
	return null;
}

/**
 * A new password in a form: the problems of `getPasswordProblem` become the i18n keys
 * `form.passwordTooShort`, `form.passwordTooLong` and `form.passwordCommon`.
 */
export const NewPasswordSchema = z.string().superRefine((password, ctx) => {
	const problem = getPasswordProblem(password);
	if (problem)
		ctx.addIssue({
			code: 'custom',
			message: `password${problem[0]!.toUpperCase()}${problem.slice(1)}`,
		});
});
