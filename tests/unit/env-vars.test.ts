import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARS, getEnvProblems } from '../../src/lib/env-vars.ts';

describe('getEnvProblems', () => {
	it('accepts an empty environment (every variable has a default or is optional)', () => {
		expect(getEnvProblems({})).toEqual([]);
	});

	it('names the variable and an example for each bad value', () => {
		const problems = getEnvProblems({
			DATABASE_URL: 'mysql://x/y',
			LOG_LEVEL: 'loud',
			TRUST_PROXY: 'yes',
		});
		expect(problems).toHaveLength(3);
		expect(problems[0]).toMatch(/^DATABASE_URL .*Example: DATABASE_URL=file:data\/dakshata\.db$/);
		expect(problems[1]).toMatch(/^TRUST_PROXY must be true or false/);
		expect(problems[2]).toMatch(/^LOG_LEVEL must be one of/);
	});

	it('checks the certificate branding settings', () => {
		expect(getEnvProblems({ LINKEDIN_ORGANIZATION_ID: 'acme' })[0]).toMatch(
			/^LINKEDIN_ORGANIZATION_ID /,
		);
		expect(getEnvProblems({ ORGANISATION_LOGO: 'logo.gif' })[0]).toMatch(
			/must be a \.png or \.jpg/,
		);
		expect(getEnvProblems({ CERTIFICATE_SIGNATORY_SIGNATURE: 'nowhere/sig.png' })[0]).toMatch(
			/does not exist/,
		);
		expect(
			getEnvProblems({ CERTIFICATE_SIGNATORY_NAME: 'A. Rahman', LINKEDIN_ORGANIZATION_ID: '42' }),
		).toEqual([]);
	});

	it('accepts libsql, https and file URLs for the database', () => {
		for (const url of [
			'libsql://db.turso.io',
			'https://db.example.org',
			'file:/tmp/x.db',
			':memory:',
		]) {
			expect(getEnvProblems({ DATABASE_URL: url })).toEqual([]);
		}
	});
});

describe('.env.example', () => {
	it('documents every variable', () => {
		const example = readFileSync(join(import.meta.dirname, '..', '..', '.env.example'), 'utf8');
		for (const v of ENV_VARS) expect(example).toMatch(new RegExp(`^#? ?${v.name}=`, 'm'));
	});
});
