/**
 * The public evidence page of a certificate (issue #16 item 10), over HTTP against the production
 * build: off by default (404, no link, no evidence `id` in the credential); the learner opts in on
 * the dashboard form (audited) and the page lists the passed project with its steps, the verify
 * page links to it and newly signed credentials (both forms, still verifying) link each item to it;
 * the page shows no seed, attempt key, expected value, step text or upload hash; opting out makes
 * it a 404 again; nobody else (and no other site) can change the choice. A passed lab is listed
 * rule by rule without its hints or model answer.
 */
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';
import {
	verifyDataIntegrityCredential,
	verifyJwtCredential,
	type Json,
} from '../helpers/independent-verifier.ts';
import { readLab } from '../helpers/lab-files.ts';
import { findLabLeaks, findProjectLeaks, unescapeHtml } from '../helpers/leak-scan.ts';
import { solveWithJs } from '../helpers/project-solutions.ts';
import { root } from '../helpers/server.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');
const FX = '/courses/project-fixture/the-project/project/fixture-report';
const PROJECT_FILE = join(
	root,
	'tests/fixtures/courses/project-fixture/01-only/fixture-report.project.yaml',
);

/** The OB 3.0 credential schema the credentials test uses (tests/fixtures, see its description). */
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validateOpenBadge = ajv.compile(
	JSON.parse(
		readFileSync(join(root, 'tests/fixtures/open-badges-3-credential.schema.json'), 'utf8'),
	),
);

async function sql(query: string, ...args: (string | number | null)[]) {
	const { client } = await getTestDb(dbUrl);
	return (await client.execute({ sql: query, args })).rows;
}

/** Posts the dashboard's form as a browser does: hidden `public=off`, then the box when ticked. */
function postChoice(
	browser: Browser,
	id: string,
	ticked: boolean,
	init: { origin?: string | null } = {},
) {
	const body = new URLSearchParams([
		['certificate', id],
		['next', '/dashboard'],
		['public', 'off'],
		...(ticked ? [['public', 'on']] : []),
	]);
	return browser.request('/api/certificates/evidence', {
		...init,
		method: 'POST',
		body,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
	});
}

async function fetchCredentials(id: string) {
	const json = (await (await fetch(`${base}/verify/${id}.json`)).json()) as Json;
	const jwt = await (await fetch(`${base}/verify/${id}.jwt`)).text();
	return { json, jwt };
}

/** Both signed forms still verify with the independent verifier; returns their evidence arrays. */
async function verifiedEvidence(id: string): Promise<{ json: Json[]; jwt: Json[] }> {
	const { json, jwt } = await fetchCredentials(id);
	const did = (await (await fetch(`${base}/.well-known/did.json`)).json()) as Json;
	const statusLists = new Map<string, Json>();
	for (const entry of [json.credentialStatus].flat())
		statusLists.set(
			entry.statusListCredential,
			await (await fetch(entry.statusListCredential)).json(),
		);
	const verdict = await verifyDataIntegrityCredential(json, { didDocument: did, statusLists });
	expect(verdict.signature, verdict.error).toBe(true);
	const { payload } = await verifyJwtCredential(jwt, did);
	const { proof: _proof, ...unsigned } = json;
	expect(validateOpenBadge(unsigned), JSON.stringify(validateOpenBadge.errors)).toBe(true);
	return { json: json.evidence, jwt: payload.evidence };
}

describe('public evidence page', () => {
	let learner: Awaited<ReturnType<typeof signUp>>;
	let id: string;
	let seed: string;
	let attemptKey: string;

	beforeAll(async () => {
		learner = await signUp(base, { name: 'Nusrat Jahan' });
		expect(
			(
				await learner.browser.postForm('/api/progress', {
					course: 'project-fixture',
					lesson: 'read-first',
					action: 'complete',
				})
			).status,
		).toBeLessThan(400);
		const start = new Uint8Array(
			await (await learner.browser.get(`${FX}/start-file`)).arrayBuffer(),
		);
		attemptKey = /DK1-[a-z0-9]+-[0-9a-f]{24}/.exec(
			strFromU8(unzipSync(start)['docProps/custom.xml']!),
		)![0];
		const form = new FormData();
		form.set('intent', 'upload');
		form.set(
			'file',
			new Blob([(await solveWithJs('order-report', start)) as Uint8Array<ArrayBuffer>]),
			'fixture.xlsx',
		);
		expect((await learner.browser.request(FX, { method: 'POST', body: form })).status).toBe(303);
		const [row] = await sql(
			"select c.id, a.seed from certificate c join user u on u.id = c.user_id join project_attempt a on a.user_id = u.id where u.email = ? and c.course_slug = 'project-fixture'",
			learner.email,
		);
		expect(row, 'the certificate was issued').toBeDefined();
		id = String(row!.id);
		seed = String(row!.seed);
	}, 60_000);

	it('is off by default: the page is a 404, nothing links to it, the credential has no evidence link', async () => {
		expect((await fetch(`${base}/verify/${id}/evidence`)).status).toBe(404);
		expect((await fetch(`${base}/bn/verify/${id}/evidence`)).status).toBe(404);
		const verify = await (await fetch(`${base}/verify/${id}`)).text();
		expect(verify).toContain('Fixture order totals');
		expect(verify).not.toContain(`/verify/${id}/evidence`);
		const dashboard = await (await learner.browser.get('/dashboard')).text();
		expect(dashboard).toContain('Show my graded work to people who check this certificate');
		expect(dashboard).toMatch(
			/<input type="checkbox" name="public" value="on"(?![^>]*checked)[^>]*>/,
		);
		const evidence = await verifiedEvidence(id);
		expect(evidence.json.map((e) => e.name)).toEqual(['Fixture order totals']);
		expect(evidence.json[0]!.id).toBeUndefined();
		expect(evidence.jwt[0]!.id).toBeUndefined();
	});

	it('refuses another learner and another site', async () => {
		const other = await signUp(base, { name: 'Someone Else' });
		const res = await postChoice(other.browser, id, true);
		expect(res.status).toBe(404);
		expect(
			(await postChoice(learner.browser, id, true, { origin: 'https://evil.example' })).status,
		).toBe(403);
		expect((await postChoice(new Browser(base), id, true)).status).toBe(401);
		expect((await fetch(`${base}/verify/${id}/evidence`)).status).toBe(404);
		expect(
			await sql(
				'select count(*) as n from certificate where id = ? and evidence_public_at is not null',
				id,
			),
		).toEqual([expect.objectContaining({ n: 0 })]);
	});

	it('opted in: the page lists the project with its steps, the verify page and new credentials link to it', async () => {
		const res = await postChoice(learner.browser, id, true);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/dashboard#cert-${id}`);
		const audit = await sql(
			'select a.action, a.target from audit_log a join user u on u.id = a.actor_id where u.email = ?',
			learner.email,
		);
		expect(audit).toEqual([
			expect.objectContaining({ action: 'certificate.evidence-public', target: id }),
		]);

		const page = await fetch(`${base}/verify/${id}/evidence`);
		expect(page.status).toBe(200);
		const html = unescapeHtml(await page.text()).replace(/ data-astro-cid-\w+(="[^"]*")?/g, '');
		expect(html).toContain('Graded work of Nusrat Jahan');
		expect(html).toContain('id="project-fixture-report"');
		expect(html).toMatch(/<h2[^>]*>Fixture order totals<\/h2>/);
		expect(html).toMatch(
			/<th scope="row" lang="en">Total sales by region<\/th><td>10 of 10 points<\/td><td>passed<\/td>/,
		);
		expect(html).toContain(`href="/verify/${id}"`);
		const bn = await fetch(`${base}/bn/verify/${id}/evidence`);
		expect(bn.status).toBe(200);
		expect(await bn.text()).toContain('Nusrat Jahan-এর মূল্যায়িত কাজ');

		expect(await (await fetch(`${base}/verify/${id}`)).text()).toContain(
			`href="/verify/${id}/evidence"`,
		);
		expect(await (await fetch(`${base}/hi/verify/${id}`)).text()).toContain(
			`href="/hi/verify/${id}/evidence"`,
		);
		const dashboard = await (await learner.browser.get('/dashboard')).text();
		expect(dashboard).toMatch(/<input type="checkbox" name="public" value="on"[^>]*checked/);

		const evidence = await verifiedEvidence(id);
		const link = `${new URL(base).origin}/verify/${id}/evidence#project-fixture-report`;
		expect(evidence.json[0]!.id).toBe(link);
		expect(evidence.jwt[0]!.id).toBe(link);
	});

	it('shows no seed, attempt key, expected value, step text or upload hash', async () => {
		const html = await (await fetch(`${base}/verify/${id}/evidence`)).text();
		const { BUILDERS } = await import('../../src/lib/projects/builders/index.ts');
		const secrets = {
			projectId: 'fixture-report',
			seed,
			attemptKey,
			expected: BUILDERS['order-report']!.expected(seed),
			publicText: readFileSync(PROJECT_FILE, 'utf8'),
		};
		expect(findProjectLeaks(secrets, { html: [html] })).toEqual([]);
		// The scan can fail: the same page with the seed planted in it is caught.
		expect(findProjectLeaks(secrets, { html: [`${html}<p>${seed}</p>`] })).toContain(
			"fixture-report: the attempt's seed is visible",
		);
		const [upload] = await sql(
			"select s.sha256 from project_submission s where s.project_id = 'fixture-report' and s.user_id = (select user_id from certificate where id = ?)",
			id,
		);
		expect(html).not.toContain(String(upload!.sha256));
		// The step's instructions (what to type where) stay on the learner's own project page.
		expect(unescapeHtml(html)).not.toContain('Summary!B2:B5');
	});

	it('opted out: the page is a 404 again, no link, and new credentials carry no link', async () => {
		expect((await postChoice(learner.browser, id, false)).status).toBe(303);
		expect((await fetch(`${base}/verify/${id}/evidence`)).status).toBe(404);
		expect(await (await fetch(`${base}/verify/${id}`)).text()).not.toContain(
			`/verify/${id}/evidence`,
		);
		const evidence = await verifiedEvidence(id);
		expect(evidence.json[0]!.id).toBeUndefined();
		expect(evidence.jwt[0]!.id).toBeUndefined();
		const audit = await sql(
			'select a.action from audit_log a join user u on u.id = a.actor_id where u.email = ? order by a.id',
			learner.email,
		);
		expect(audit.map((r) => r.action)).toEqual([
			'certificate.evidence-public',
			'certificate.evidence-private',
		]);
	});
});

describe('public evidence page for a lab', () => {
	it('lists the lab rule by rule, without its hints or model answer', async () => {
		const { browser, email } = await signUp(base, { name: 'Imran Hossain' });
		const LAB = '/courses/lab-fixture/limited/lab/limited-lab';
		for (const lesson of ['limited', 'cooldown'])
			expect(
				(
					await browser.postJson('/api/progress', {
						course: 'lab-fixture',
						lesson,
						action: 'complete',
					})
				).status,
			).toBeLessThan(300);
		expect((await browser.postForm(LAB, { intent: 'start' })).status).toBe(303);
		const [attempt] = await sql(
			'select a.id, a.variant from lab_attempt a join user u on u.id = a.user_id where u.email = ?',
			email,
		);
		const lab = readLab('lab-fixture', 'limited-lab', Number(attempt!.variant));
		if (lab.kind !== 'proposal') throw new Error('the fixture lab is a proposal lab');
		expect(
			(
				await browser.postForm(LAB, {
					intent: 'submit',
					attempt: String(attempt!.id),
					proposal: lab.proposal.model,
				})
			).status,
		).toBeLessThan(400);
		const [cert] = await sql(
			"select c.id from certificate c join user u on u.id = c.user_id where u.email = ? and c.course_slug = 'lab-fixture'",
			email,
		);
		const id = String(cert!.id);
		expect((await fetch(`${base}/verify/${id}/evidence`)).status).toBe(404);
		expect((await postChoice(browser, id, true)).status).toBe(303);

		const raw = await (await fetch(`${base}/verify/${id}/evidence`)).text();
		const html = unescapeHtml(raw).replace(/ data-astro-cid-\w+(="[^"]*")?/g, '');
		expect(html).toContain('id="lab-limited-lab"');
		expect(html).toMatch(/<h2[^>]*>Two tries at a short reply<\/h2>/);
		for (const label of [
			'Starts with the word asked for',
			'States a time zone',
			'No contact details',
		])
			expect(html).toMatch(new RegExp(`>${label}</th><td>1 of 1 points</td><td>passed</td>`));
		expect(findLabLeaks('limited-lab', lab, { html: [raw] })).toEqual([]);
		// The scan can fail: the page with the hint planted in it is caught.
		expect(
			findLabLeaks('limited-lab', lab, { html: [`${raw}<p>${lab.proposal.rules[0]!.hint}</p>`] }),
		).not.toEqual([]);
		const [evidence] = (await verifiedEvidence(id)).json;
		expect(evidence!.id).toBe(`${new URL(base).origin}/verify/${id}/evidence#lab-limited-lab`);
	});
});
