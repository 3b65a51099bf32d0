/**
 * Every environment variable the platform reads, in one list. Free of Astro imports: the Astro
 * config builds its `astro:env` schema from it, the start script validates `process.env` against it
 * before anything else runs (so a bad value stops start-up with a message that names the variable
 * and an example), and a test keeps `.env.example` in step with it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getDatabaseUrlProblem } from '../../db/client.ts';
import { getSigningKeyProblem } from './signing-key-value.ts';

export interface EnvVar {
	name: string;
	/** What it does, for `.env.example` and the README. */
	description: string;
	/** A value that would work, shown in error messages. */
	example: string;
	/** Used when the variable is unset; none means optional-and-empty or required. */
	default?: string;
	/** True when the app cannot start without it. */
	required?: boolean;
	/** True for values that must never be logged or sent to the browser. */
	secret?: boolean;
	/** Returns a problem description, or null when the value is acceptable. */
	check?: (value: string) => string | null;
}

/** A PNG or JPEG file that exists (signature image, logo): the PDF embeds it, the page shows it. */
const isImageFile = (value: string) => {
	if (!/\.(png|jpe?g)$/i.test(value)) return 'must be a .png or .jpg file';
	return existsSync(resolve(value)) ? null : 'names a file that does not exist';
};

const isUrl = (value: string) => {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'must be an http(s) URL';
	} catch {
		return 'is not a URL';
	}
};

export const ENV_VARS: EnvVar[] = [
	{
		name: 'DATABASE_URL',
		description:
			'Where the database lives: a local file (created on first start), or a libSQL server / Turso URL.',
		example: 'file:data/dakshata.db',
		default: 'file:data/dakshata.db',
		check: getDatabaseUrlProblem,
	},
	{
		name: 'DATABASE_AUTH_TOKEN',
		description: 'Auth token for a libSQL server or Turso (not needed for a local file).',
		example: 'eyJhbGciOi...',
		secret: true,
	},
	{
		name: 'SITE_URL',
		description:
			'The public address of this site, used in emails, certificate QR codes and credentials.',
		example: 'https://learn.example.org',
		default: 'http://localhost:4321',
		check: isUrl,
	},
	{
		name: 'DATA_DIR',
		description: 'Folder for local state: the mail outbox, the signing key, backups.',
		example: 'data',
		default: 'data',
	},
	{
		name: 'SMTP_URL',
		description:
			'SMTP server for outgoing mail. When unset, each message is written to DATA_DIR/outbox and logged.',
		example: 'smtps://user:password@smtp.example.org:465',
		secret: true,
		check: (v) => (/^smtps?:\/\//.test(v) ? null : 'must start with smtp:// or smtps://'),
	},
	{
		name: 'MAIL_FROM',
		description: 'Sender address for outgoing mail.',
		example: 'Dakshata <no-reply@example.org>',
		default: 'Dakshata <no-reply@localhost>',
	},
	{
		name: 'SIGNING_KEY',
		description:
			'Ed25519 private key (PKCS#8 PEM, or base64 of it) that signs certificates. When unset, one is generated on first start in DATA_DIR/keys with owner-only permissions.',
		example: '-----BEGIN PRIVATE KEY-----...',
		secret: true,
		check: getSigningKeyProblem,
	},
	{
		name: 'CERTIFICATE_SIGNATORY_NAME',
		description:
			'Name of the person who signs certificates, printed on the PDF and shown on the verify page.',
		example: 'Ayesha Rahman',
		check: (v) => (v.length <= 100 ? null : 'must be at most 100 characters'),
	},
	{
		name: 'CERTIFICATE_SIGNATORY_TITLE',
		description: "The signatory's title, under their name (e.g. Programme director).",
		example: 'Programme director',
		check: (v) => (v.length <= 100 ? null : 'must be at most 100 characters'),
	},
	{
		name: 'CERTIFICATE_SIGNATORY_SIGNATURE',
		description:
			"Path of a PNG or JPEG of the signatory's signature, drawn above their name on the PDF.",
		example: 'data/branding/signature.png',
		check: isImageFile,
	},
	{
		name: 'ORGANISATION_LOGO',
		description:
			'Path of a PNG or JPEG logo of the issuing organisation, on the certificate PDF and the verify page.',
		example: 'data/branding/logo.png',
		check: isImageFile,
	},
	{
		name: 'LINKEDIN_ORGANIZATION_ID',
		description:
			"The issuing organisation's LinkedIn company id (digits), sent with Add to profile; otherwise its name is sent.",
		example: '1337',
		check: (v) => (/^\d{1,20}$/.test(v) ? null : 'must be the numeric LinkedIn organisation id'),
	},
	{
		name: 'TRUST_PROXY',
		description:
			'Set to true behind a reverse proxy so the client address comes from X-Forwarded-For (used by rate limits).',
		example: 'false',
		default: 'false',
		check: (v) => (v === 'true' || v === 'false' ? null : 'must be true or false'),
	},
	{
		name: 'LOG_LEVEL',
		description: 'How much the server logs: fatal, error, warn, info, debug or trace.',
		example: 'info',
		default: 'info',
		check: (v) =>
			['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v)
				? null
				: 'must be one of fatal, error, warn, info, debug, trace, silent',
	},
];

/**
 * Validates an environment. Returns one message per problem, each naming the variable and an
 * example value; an empty list means the environment is usable.
 */
export function getEnvProblems(env: Record<string, string | undefined>): string[] {
	const problems: string[] = [];
	for (const v of ENV_VARS) {
		const value = env[v.name];
		if (value === undefined || value === '') {
			if (v.required) problems.push(`${v.name} is missing. Example: ${v.name}=${v.example}`);
			continue;
		}
		const problem = v.check?.(value);
		if (problem) problems.push(`${v.name} ${problem}. Example: ${v.name}=${v.example}`);
	}
	return problems;
}
