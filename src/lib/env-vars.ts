/**
 * Every environment variable the platform reads, in one list. Free of Astro imports: the Astro
 * config builds its `astro:env` schema from it, the start script validates `process.env` against it
 * before anything else runs (so a bad value stops start-up with a message that names the variable
 * and an example), and a test keeps `.env.example` in step with it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getDatabaseUrlProblem } from '../../db/client.ts';
import { getSigningKeyProblem } from './credentials/signing-key-value.ts';

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
		name: 'MAIL_REPLY_TO',
		description:
			'Reply-To address for outgoing mail, when replies should reach a person (e.g. a support inbox).',
		example: 'Dakshata support <help@example.org>',
	},
	{
		name: 'MAIL_RETRY_FIRST_SECONDS',
		description:
			'Seconds before the first retry of a message the SMTP server did not take; each retry waits twice as long (at most an hour), for up to 24 hours.',
		example: '30',
		default: '30',
		check: (v) =>
			/^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? null : 'must be a positive number of seconds',
	},
	{
		name: 'SIGNUP_LIMIT',
		description:
			'Sign-ups allowed from one client address per hour; raise it for a classroom or office that shares one address.',
		example: '20',
		default: '20',
		check: (v) => (/^[1-9]\d*$/.test(v) ? null : 'must be a whole number of at least 1'),
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
			'Set to true behind a reverse proxy: the client address then comes from X-Forwarded-For (used by rate limits), and X-Forwarded-Proto/Host may name the public origin.',
		example: 'false',
		default: 'false',
		check: (v) => (v === 'true' || v === 'false' ? null : 'must be true or false'),
	},
	{
		name: 'TRUSTED_PROXIES',
		description:
			'With TRUST_PROXY=true: how many proxies in front of the server append to X-Forwarded-For (the client is the right-most address they did not add).',
		example: '1',
		default: '1',
		check: (v) => (/^([1-9]|10)$/.test(v) ? null : 'must be a whole number from 1 to 10'),
	},
	{
		name: 'WEB_CONCURRENCY',
		description: 'How many server processes share the port (node:cluster); 2 on a 2-core machine.',
		example: '2',
		default: '1',
		check: (v) =>
			/^([1-9]|[1-5][0-9]|6[0-4])$/.test(v) ? null : 'must be a whole number from 1 to 64',
	},
	{
		name: 'PAGE_CACHE',
		description:
			'on: pages that are the same for every visitor without a cookie (home, catalogue, course and lesson pages) are kept in memory, compressed, for a minute, and a signed-in learner’s lesson page is rendered once per learner state (role, enrolment, lessons completed, certificate) and shared, with each learner’s own ids, for a minute (at most 1,000 such pages, about 40 MB); off: every request is rendered.',
		example: 'on',
		default: 'on',
		check: (v) => (v === 'on' || v === 'off' ? null : 'must be on or off'),
	},
	{
		name: 'PROJECT_UPLOADS_KEEP',
		description:
			'Set to true to keep graded-project uploads under DATA_DIR/project-uploads for instructor review (by default only the report and a SHA-256 are kept).',
		example: 'false',
		default: 'false',
		check: (v) => (v === 'true' || v === 'false' ? null : 'must be true or false'),
	},
	{
		name: 'PROJECT_GRADE_TIMEOUT_MS',
		description:
			'Longest time, in milliseconds, one uploaded project file may take to grade before it is refused.',
		example: '10000',
		default: '10000',
		check: (v) => (/^\d+$/.test(v) && Number(v) > 0 ? null : 'must be a whole number above 0'),
	},
	{
		name: 'PROJECT_GRADE_WORKERS',
		description:
			'Worker threads that grade uploaded project files (default: the number of CPUs, at most 4).',
		example: '2',
		check: (v) => (/^\d+$/.test(v) && Number(v) > 0 ? null : 'must be a whole number above 0'),
	},
	{
		name: 'PROJECT_GRADE_MEMORY_MB',
		description: 'Heap limit, in MB, of each project-grading worker thread.',
		example: '512',
		default: '512',
		check: (v) => (/^\d+$/.test(v) && Number(v) > 0 ? null : 'must be a whole number above 0'),
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
