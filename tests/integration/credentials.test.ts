/**
 * The signed credentials as a wallet or an independent verifier sees them, over HTTP against the
 * production build: the OB 3.0 VC-JWT (`/verify/<id>.jwt`, checked with jose against the did:web
 * key), the Data Integrity form (`/verify/<id>.json`, checked with Digital Bazaar's vc library and
 * the eddsa-rdfc-2022 cryptosuite, which the server does not use), both against the Open Badges 3.0
 * JSON Schema; status per the Bitstring Status List spec (revoke, suspend, unsuspend, reissue),
 * cached status lists, random status indexes, and key rotation with `npm run key:rotate`.
 */
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { auditLogTable, certificateTable, userTable } from '../../db/schema.ts';
import { checkCertificate } from '../../src/lib/credentials/browser-check.ts';
import { isStatusSet } from '../../src/lib/credentials/status-list.ts';
import { readLatestMail, signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import {
	verifyDataIntegrityCredential,
	verifyJwtCredential,
} from '../helpers/independent-verifier.ts';
import { nodeBin, root, startServer } from '../helpers/server.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed credential JSON, checked by the assertions
type Json = Record<string, any>;

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');
const dataDir = inject('dataDir');
const BASICS = 'cert-basics';

/**
 * Signs a learner up on `site` and completes the fixture course; returns the certificate id, read
 * from the e-mail the learner receives (in the server's outbox under `dir`).
 */
async function earnCertificate(site: string, dir: string, name = 'Rahima Khatun') {
	const learner = await signUp(site, { name });
	for (const lesson of ['first-steps', 'next-steps'])
		expect(
			(
				await learner.browser.postJson('/api/progress', {
					course: BASICS,
					lesson,
					action: 'complete',
				})
			).status,
		).toBe(200);
	const mail = readLatestMail(dir, learner.email);
	const id = mail?.text.match(/\/verify\/([a-z2-7]{32})/)?.[1];
	expect(id, 'a certificate was issued').toBeDefined();
	return { ...learner, id: id! };
}

async function createAdmin() {
	const admin = await signUp(base, { name: 'Status Admin' });
	const { db } = await getTestDb(dbUrl);
	await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, admin.email));
	return admin;
}

/** Resolves the issuer's did:web as a resolver would: did:web:host%3Aport → /.well-known/did.json. */
async function resolveDid(site: string, did: string) {
	const host = decodeURIComponent(did.replace(/^did:web:/, ''));
	expect(`http://${host}`).toBe(site);
	const doc = (await (await fetch(`${site}/.well-known/did.json`)).json()) as Json;
	expect(doc.id).toBe(did);
	return doc;
}

async function fetchJwt(site: string, id: string) {
	const res = await fetch(`${site}/verify/${id}.jwt`);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('application/vc+jwt');
	return res.text();
}

async function fetchJsonLd(site: string, id: string) {
	const res = await fetch(`${site}/verify/${id}.json`);
	expect(res.status).toBe(200);
	return (await res.json()) as Json;
}

/** Verifies the Data Integrity credential with Digital Bazaar's libraries, fetching its status lists. */
async function verifyJsonLd(site: string, credential: Json) {
	const statusLists = new Map<string, Json>();
	for (const entry of [credential.credentialStatus].flat()) {
		const res = await fetch(entry.statusListCredential);
		expect(res.status).toBe(200);
		statusLists.set(entry.statusListCredential, await res.json());
	}
	return verifyDataIntegrityCredential(credential, {
		didDocument: await resolveDid(site, credential.issuer.id),
		statusLists,
	});
}

/** Verifies the VC-JWT with jose, then each status list (itself a VC-JWT) and its bit. */
async function verifyJwt(site: string, jwt: string) {
	const did = String(
		(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as Json).kid,
	).split('#')[0]!;
	const doc = await resolveDid(site, did);
	const { header, payload } = await verifyJwtCredential(jwt, doc);
	const status: Record<string, boolean> = {};
	for (const entry of [payload.credentialStatus].flat()) {
		const list = await fetch(entry.statusListCredential, {
			headers: { accept: 'application/vc+jwt' },
		});
		const { payload: listPayload } = await verifyJwtCredential(await list.text(), doc);
		expect(listPayload.credentialSubject.statusPurpose).toBe(entry.statusPurpose);
		status[entry.statusPurpose] = isStatusSet(
			listPayload.credentialSubject.encodedList,
			Number(entry.statusListIndex),
		);
	}
	return { header, payload, status, valid: Object.values(status).every((set) => !set) };
}

/** Reads a certificate's bit in the suspension list (same list number and position), verified. */
async function isSuspended(revocationEntry: Json) {
	const url = String(revocationEntry.statusListCredential).replace(
		'/credentials/status/',
		'/credentials/suspension/',
	);
	const res = await fetch(url, { headers: { accept: 'application/vc+jwt' } });
	const doc = await resolveDid(base, `did:web:${encodeURIComponent(new URL(base).host)}`);
	const { payload } = await verifyJwtCredential(await res.text(), doc);
	expect(payload.credentialSubject.statusPurpose).toBe('suspension');
	return isStatusSet(
		payload.credentialSubject.encodedList,
		Number(revocationEntry.statusListIndex),
	);
}

/**
 * The Open Badges 3.0 AchievementCredential JSON Schema as written for these tests from 1EdTech's
 * specification (the official file is not on npm and its licence does not allow copying it here;
 * see the fixture's description). Used for both forms: the VC-JWT payload (without the JWT claims) and the JSON-LD
 * credential (without its proof) must validate.
 */
const schema = JSON.parse(
	readFileSync(
		join(import.meta.dirname, '..', 'fixtures', 'open-badges-3-credential.schema.json'),
		'utf8',
	),
);
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validateOpenBadge = ajv.compile(schema);

describe('VC-JWT (/verify/<id>.jwt)', () => {
	it('follows OB 3.0: typ JWT, no cty, sub equal to a urn:uuid subject id that is not the e-mail', async () => {
		const { id, email } = await earnCertificate(base, dataDir, 'Nasrin Sultana');
		const jwt = await fetchJwt(base, id);
		expect(jwt.split('.')).toHaveLength(3);
		const { header, payload, valid } = await verifyJwt(base, jwt);
		expect(header).toEqual({
			alg: 'EdDSA',
			typ: 'JWT',
			kid: expect.stringMatching(/^did:web:.+#.+/),
		});
		expect(payload.sub).toBe(payload.credentialSubject.id);
		expect(payload.sub).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
		expect(jwt).not.toContain(Buffer.from(email).toString('base64url').slice(0, 12));
		expect(JSON.stringify(payload)).not.toContain(email);
		expect(payload).toMatchObject({ iss: payload.issuer.id, jti: `${base}/verify/${id}` });
		expect(payload.nbf).toBe(Math.floor(Date.parse(payload.validFrom) / 1000));
		expect(valid).toBe(true);
		const { iss: _i, jti: _j, sub: _s, nbf: _n, ...credential } = payload;
		expect(validateOpenBadge(credential), JSON.stringify(validateOpenBadge.errors)).toBe(true);
	});

	it('fails verification after a one-character change to the payload or the signature', async () => {
		const { id } = await earnCertificate(base, dataDir, 'Nasrin Sultana');
		const jwt = await fetchJwt(base, id);
		const doc = await resolveDid(base, `did:web:${encodeURIComponent(new URL(base).host)}`);
		const [header, body, signature] = jwt.split('.');
		const forged = Buffer.from(body!, 'base64url')
			.toString('utf8')
			.replace('Nasrin Sultana', 'Nasrin Sultanb');
		await expect(
			verifyJwtCredential(
				`${header}.${Buffer.from(forged).toString('base64url')}.${signature}`,
				doc,
			),
		).rejects.toThrow(/signature verification failed/);
		const flipped =
			signature!.slice(0, 10) + (signature![10] === 'A' ? 'B' : 'A') + signature!.slice(11);
		await expect(verifyJwtCredential(`${header}.${body}.${flipped}`, doc)).rejects.toThrow(
			/signature verification failed/,
		);
	});

	it('keeps the same subject id for a learner across a reissue', async () => {
		const { id, browser } = await earnCertificate(base, dataDir, 'Old Subject');
		const before = (await verifyJwt(base, await fetchJwt(base, id))).payload.sub;
		await browser.postForm('/account', { intent: 'name', name: 'New Subject' });
		const res = await browser.postJson('/api/certificates/reissue', { course: BASICS });
		const { id: newId } = (await res.json()) as { id: string };
		expect(newId).not.toBe(id);
		expect((await verifyJwt(base, await fetchJwt(base, newId))).payload.sub).toBe(before);
	});
});

describe('Data Integrity credential (/verify/<id>.json)', () => {
	it('passes Digital Bazaar’s verifier with an eddsa-rdfc-2022 proof and the official schema', async () => {
		const { id } = await earnCertificate(base, dataDir, 'রহিমা খাতুন');
		const credential = await fetchJsonLd(base, id);
		expect(credential['@context']).toEqual([
			'https://www.w3.org/ns/credentials/v2',
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
		]);
		expect(credential.proof).toMatchObject({
			type: 'DataIntegrityProof',
			cryptosuite: 'eddsa-rdfc-2022',
			proofPurpose: 'assertionMethod',
		});
		expect(credential.proof.verificationMethod).toMatch(/^did:web:.+#z6Mk/);
		const verdict = await verifyJsonLd(base, credential);
		expect(verdict).toMatchObject({
			verified: true,
			signature: true,
			status: { revocation: false },
		});
		const { proof: _p, ...unsigned } = credential;
		expect(validateOpenBadge(unsigned), JSON.stringify(validateOpenBadge.errors)).toBe(true);
		expect(credential.credentialSubject.identifier[0].identityHash).toBe('রহিমা খাতুন');
	});

	it('fails after a one-character change to the credential or the proof value', async () => {
		const { id } = await earnCertificate(base, dataDir, 'Nasrin Sultana');
		const credential = await fetchJsonLd(base, id);
		const renamed = structuredClone(credential);
		renamed.credentialSubject.identifier[0].identityHash = 'Nasrin Sultanb';
		const value: string = credential.proof.proofValue;
		const forged = {
			...credential,
			proof: {
				...credential.proof,
				proofValue: value.slice(0, -1) + (value.at(-1) === '2' ? '3' : '2'),
			},
		};
		for (const doc of [renamed, forged]) {
			const verdict = await verifyJsonLd(base, doc);
			expect(verdict.verified).toBe(false);
			expect(verdict.signature).toBe(false);
		}
	});
});

describe('status', () => {
	it('revoke → invalid for good; suspend → held in the suspension list; unsuspend → valid again; audited', async () => {
		const revoked = await earnCertificate(base, dataDir, 'Revoked Learner');
		const held = await earnCertificate(base, dataDir, 'Held Learner');
		const admin = await createAdmin();
		const post = (fields: Record<string, string>) =>
			admin.browser.postForm('/admin/certificates', fields);
		const check = async (id: string) => {
			const jwt = await verifyJwt(base, await fetchJwt(base, id));
			return {
				jwt: jwt.valid,
				jsonLd: (await verifyJsonLd(base, await fetchJsonLd(base, id))).verified,
				suspended: await isSuspended(jwt.payload.credentialStatus),
			};
		};
		expect(await check(held.id)).toEqual({ jwt: true, jsonLd: true, suspended: false });

		expect(
			(await post({ action: 'revoke', id: revoked.id, reason: 'Work was not their own' })).status,
		).toBe(303);
		expect(await check(revoked.id)).toEqual({ jwt: false, jsonLd: false, suspended: false });
		expect((await post({ action: 'reinstate', id: revoked.id })).status).toBe(400);
		expect((await post({ action: 'suspend', id: revoked.id, reason: 'x' })).status).toBe(409);
		expect(await check(revoked.id)).toEqual({ jwt: false, jsonLd: false, suspended: false });

		expect((await post({ action: 'suspend', id: held.id, reason: '' })).status).toBe(400);
		expect((await post({ action: 'suspend', id: held.id, reason: 'Under review' })).status).toBe(
			303,
		);
		// The credential's one status entry is the revocation list (OB 3.0 allows one); a hold shows
		// in the suspension list at the same position, which the verify page reads.
		expect(await check(held.id)).toEqual({ jwt: true, jsonLd: true, suspended: true });
		const page = await (await fetch(`${base}/verify/${held.id}`)).text();
		expect(page).toContain('This certificate is suspended');
		expect(page).toContain('Under review');
		expect(page).not.toContain('Valid certificate');
		expect((await post({ action: 'suspend', id: held.id, reason: 'again' })).status).toBe(409);

		// A hold cannot be escaped by a reissue in a new name.
		await held.browser.postForm('/account', { intent: 'name', name: 'Held Learner Renamed' });
		expect(
			(await held.browser.postJson('/api/certificates/reissue', { course: BASICS })).status,
		).toBe(409);

		expect((await post({ action: 'unsuspend', id: held.id })).status).toBe(303);
		expect(await check(held.id)).toEqual({ jwt: true, jsonLd: true, suspended: false });
		expect(await (await fetch(`${base}/verify/${held.id}`)).text()).toContain('Valid certificate');
		expect((await post({ action: 'unsuspend', id: held.id })).status).toBe(409);

		const { db } = await getTestDb(dbUrl);
		const audit = await db.select().from(auditLogTable).where(eq(auditLogTable.target, held.id));
		expect(audit.map((a) => a.action)).toEqual(['certificate.suspend', 'certificate.unsuspend']);
		expect(audit[0]!.detail).toEqual({ reason: 'Under review' });
	});

	it('reissue → the superseded credential reads as revoked to a verifier', async () => {
		const { id, browser } = await earnCertificate(base, dataDir, 'First Name');
		await browser.postForm('/account', { intent: 'name', name: 'Second Name' });
		const { id: newId } = (await (
			await browser.postJson('/api/certificates/reissue', { course: BASICS })
		).json()) as { id: string };
		const old = await verifyJwt(base, await fetchJwt(base, id));
		expect(old.status).toEqual({ revocation: true });
		expect((await verifyJsonLd(base, await fetchJsonLd(base, id))).verified).toBe(false);
		expect((await verifyJwt(base, await fetchJwt(base, newId))).valid).toBe(true);
	});

	it('places certificates at random positions in the list, not 0, 1, 2…', async () => {
		for (let i = 0; i < 3; i++) await earnCertificate(base, dataDir);
		const { db } = await getTestDb(dbUrl);
		const indexes = (
			await db.select({ i: certificateTable.statusIndex }).from(certificateTable)
		).map((r) => r.i);
		expect(indexes.length).toBeGreaterThan(3);
		expect(new Set(indexes).size).toBe(indexes.length);
		// Counting from 0 would put every index below the number of certificates.
		expect(Math.max(...indexes)).toBeGreaterThan(indexes.length * 10);
	});

	it('serves status lists from a cache: same ETag and validFrom until a bit changes, 304 on revalidation', async () => {
		const { id } = await earnCertificate(base, dataDir, 'Cached Learner');
		const admin = await createAdmin();
		const url = `${base}/credentials/suspension/1`;
		const first = await fetch(url);
		const etag = first.headers.get('etag')!;
		const list = (await first.json()) as Json;
		expect(list.credentialSubject).toMatchObject({
			statusPurpose: 'suspension',
			ttl: expect.any(Number),
		});
		const again = await fetch(url);
		expect(again.headers.get('etag')).toBe(etag);
		expect(((await again.json()) as Json).validFrom).toBe(list.validFrom);
		expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);

		await admin.browser.postForm('/admin/certificates', {
			action: 'suspend',
			id,
			reason: 'Checking',
		});
		const changed = await fetch(url, { headers: { 'if-none-match': etag } });
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
		expect((await fetch(`${base}/credentials/suspension/0`)).status).toBe(404);
		expect((await fetch(`${base}/credentials/status/x`)).status).toBe(404);
	});
});

describe('key rotation', () => {
	it('npm run key:rotate signs with a new key while credentials signed before still verify', async () => {
		let server = await startServer();
		const site = server.url;
		try {
			const { id } = await earnCertificate(site, server.dataDir, 'Rotated Key');
			const oldJwt = await fetchJwt(site, id);
			const oldJsonLd = await fetchJsonLd(site, id);
			await server.stop();

			const rotate = spawnSync(nodeBin, [join(root, 'scripts', 'key-rotate.ts')], {
				cwd: root,
				env: { ...process.env, DATA_DIR: server.dataDir, SIGNING_KEY: '' },
				encoding: 'utf8',
			});
			expect(rotate.status, rotate.stderr).toBe(0);
			expect(rotate.stdout).toContain('Back up');

			server = await startServer({ dataDir: server.dataDir, port: Number(new URL(site).port) });
			const doc = (await (await fetch(`${site}/.well-known/did.json`)).json()) as Json;
			expect(doc.verificationMethod).toHaveLength(4);
			expect((await verifyJwt(site, oldJwt)).valid).toBe(true);
			expect((await verifyJsonLd(site, oldJsonLd)).verified).toBe(true);
			const newJwt = await fetchJwt(site, id);
			expect(newJwt.split('.')[0]).not.toBe(oldJwt.split('.')[0]);
			expect((await verifyJwt(site, newJwt)).valid).toBe(true);
		} finally {
			await server.stop();
		}
	}, 90_000);
});

describe('verify page', () => {
	it('states the verdict in the title and the link preview, never "verified" when revoked or suspended', async () => {
		const { id } = await earnCertificate(base, dataDir, 'Preview Learner');
		const admin = await createAdmin();
		const head = async () => {
			const html = await (await fetch(`${base}/verify/${id}`)).text();
			const meta = (p: string) =>
				html.match(new RegExp(`<meta property="${p}" content="([^"]*)"`))?.[1];
			return {
				title: html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '',
				ogTitle: meta('og:title'),
				html,
			};
		};
		const valid = await head();
		expect(valid.title).toContain('Valid certificate');
		expect(valid.ogTitle).toContain('(verified certificate)');
		await admin.browser.postForm('/admin/certificates', {
			action: 'suspend',
			id,
			reason: 'Checking',
		});
		const held = await head();
		expect(held.title).toContain('This certificate is suspended');
		expect(held.ogTitle).not.toMatch(/verified/i);
		await admin.browser.postForm('/admin/certificates', {
			action: 'revoke',
			id,
			reason: 'Copied work',
		});
		const revoked = await head();
		expect(revoked.title).toContain('This certificate has been revoked');
		expect(revoked.ogTitle).not.toMatch(/verified/i);
		expect(revoked.ogTitle).toContain('Preview Learner');
	});

	it('takes og:url from SITE_URL, offers a preview image, and says what was assessed and how to check', async () => {
		const { id } = await earnCertificate(base, dataDir, 'Assessed Learner');
		const res = await fetch(`${base}/bn/verify/${id}`, {
			headers: { host: 'internal.invalid:9999' },
		});
		const html = await res.text();
		expect(html).toContain(`<meta property="og:url" content="${base}/bn/verify/${id}"`);
		const image = html.match(/<meta property="og:image" content="([^"]*)"/)?.[1];
		expect(image).toBe(`${base}/verify/${id}.png`);
		const png = await fetch(image!);
		expect(png.status).toBe(200);
		expect(png.headers.get('content-type')).toBe('image/png');
		expect(
			Buffer.from(await png.arrayBuffer())
				.subarray(1, 4)
				.toString(),
		).toBe('PNG');
		// Bengali page: plural and digits in Bengali; the fixture course needs two lessons.
		expect(html).toContain('২ ঘণ্টা');
		expect(html).toContain('২টি আবশ্যক পাঠ শেষ করেছেন');
		const en = await (await fetch(`${base}/verify/${id}`)).text();
		expect(en).toContain('2 required lessons completed');
		expect(en).toContain('2 hours');
		expect(en).toContain('href="/.well-known/did.json"');
		expect(en).toContain(`href="${base}/credentials/status/1"`);
		expect(en).toContain(`href="${base}/credentials/suspension/1"`);
		expect(en).toContain(`href="/verify/${id}.jwt"`);
		expect(en).toContain('<verify-check');
	});
});

describe('checkCertificate (the "Check again" button’s logic)', () => {
	const targets = (id: string) => ({
		jwtUrl: `${base}/verify/${id}.jwt`,
		didUrl: `${base}/.well-known/did.json`,
		revocationUrl: `${base}/credentials/status/1`,
		suspensionUrl: `${base}/credentials/suspension/1`,
		index: 0,
		credentialId: `${base}/verify/${id}`,
	});

	async function targetsOf(id: string) {
		const jwt = await verifyJwt(base, await fetchJwt(base, id));
		return { ...targets(id), index: Number(jwt.payload.credentialStatus.statusListIndex) };
	}

	it('passes every step for a valid certificate and stops at the suspension list for a held one', async () => {
		const { id } = await earnCertificate(base, dataDir, 'Browser Check');
		const admin = await createAdmin();
		const steps: string[] = [];
		const ok = await checkCertificate(await targetsOf(id), (s) => steps.push(`${s.step}:${s.ok}`));
		expect(ok.valid).toBe(true);
		expect(steps).toEqual([
			'download:true',
			'key:true',
			'signature:true',
			'match:true',
			'revocation:true',
			'suspension:true',
		]);
		await admin.browser.postForm('/admin/certificates', { action: 'suspend', id, reason: 'Hold' });
		const held = await checkCertificate(await targetsOf(id));
		expect(held.valid).toBe(false);
		expect(held.steps.at(-1)).toEqual({ step: 'suspension', ok: false });
	});

	it('fails the signature step when one character of the downloaded credential changes', async () => {
		const { id } = await earnCertificate(base, dataDir, 'Tampered Check');
		const tampering: typeof fetch = async (input, init) => {
			const res = await fetch(input, init);
			if (!String(input).endsWith('.jwt')) return res;
			const [h, p, s] = (await res.text()).split('.');
			const body = Buffer.from(p!, 'base64url')
				.toString()
				.replace('Tampered Check', 'Tampered Chuck');
			return new Response(`${h}.${Buffer.from(body).toString('base64url')}.${s}`);
		};
		const result = await checkCertificate(await targetsOf(id), () => {}, tampering);
		expect(result.valid).toBe(false);
		expect(result.steps.at(-1)).toEqual({ step: 'signature', ok: false });
	});

	it('fails the match step for another certificate’s credential', async () => {
		const first = await earnCertificate(base, dataDir, 'First Check');
		const second = await earnCertificate(base, dataDir, 'Second Check');
		const swapped = { ...(await targetsOf(first.id)), credentialId: `${base}/verify/${second.id}` };
		const result = await checkCertificate(swapped);
		expect(result.steps.at(-1)).toEqual({ step: 'match', ok: false });
	});
});
