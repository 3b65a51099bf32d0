/**
 * Certificates end to end over HTTP against the production build: issuing (including racing
 * completions), the public verify page, the PDF (text layer, glyphs, QR code), the signing key,
 * admin revocation (final), and reissue in a new name. The signed credentials and their status
 * are tested as a verifier sees them in credentials.test.ts.
 *
 * Needs the fixture courses tests/fixtures/courses/cert-basics and cert-assessed in courses/ when
 * the build is made, and poppler-utils (pdftotext, pdftoppm, pdffonts).
 */
import { and, eq } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
	auditLogTable,
	certificateTable,
	enrolmentTable,
	quizAttemptTable,
	userTable,
} from '../../db/schema.ts';
import { readLatestMail, signUp } from '../helpers/accounts.ts';
import { buildAnswers, readQuizFile } from '../helpers/quiz-answers.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';
import { nodeBin, root, startServer } from '../helpers/server.ts';
import { countNotdefGlyphs, decodeQr, extractText, listFonts, renderPage } from '../helpers/pdf.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');
const dataDir = inject('dataDir');
const BASICS = 'cert-basics';
const BASICS_LESSONS = ['first-steps', 'next-steps'];

async function userIdOf(email: string) {
	const { db } = await getTestDb(dbUrl);
	return (await db.select().from(userTable).where(eq(userTable.email, email)).get())!.id;
}

async function certificatesOf(userId: string, course = BASICS) {
	const { db } = await getTestDb(dbUrl);
	return db
		.select()
		.from(certificateTable)
		.where(and(eq(certificateTable.userId, userId), eq(certificateTable.courseSlug, course)));
}

const progress = (b: Browser, course: string, lesson: string, action = 'complete') =>
	b.postJson('/api/progress', { course, lesson, action });

/** Signs a learner up and completes the two-lesson fixture course; returns the certificate id. */
async function earnCertificate(name = 'Rahima Khatun') {
	const learner = await signUp(base, { name });
	for (const lesson of BASICS_LESSONS)
		expect((await progress(learner.browser, BASICS, lesson)).status).toBe(200);
	const userId = await userIdOf(learner.email);
	const [cert] = await certificatesOf(userId);
	expect(cert, 'a certificate was issued').toBeDefined();
	return { ...learner, userId, id: cert!.id };
}

async function createAdmin() {
	const admin = await signUp(base, { name: 'Certificate Admin' });
	const { db } = await getTestDb(dbUrl);
	await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, admin.email));
	return admin;
}

async function getPdf(id: string): Promise<Buffer> {
	const res = await fetch(`${base}/verify/${id}.pdf`);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('application/pdf');
	return Buffer.from(await res.arrayBuffer());
}

describe('issueCertificateIfEligible', () => {
	it('issues nothing until every required lesson is complete', async () => {
		const { browser, email } = await signUp(base);
		await progress(browser, BASICS, 'first-steps');
		expect(await certificatesOf(await userIdOf(email))).toEqual([]);
	});

	it('issues exactly one certificate when completions race, and emails the learner once', async () => {
		// Each learner has one lesson left; many requests toggle it (complete / uncomplete) at once, so
		// several completions change state and run the eligibility check concurrently.
		const learners = await Promise.all(Array.from({ length: 6 }, () => signUp(base)));
		await Promise.all(learners.map(({ browser }) => progress(browser, BASICS, 'next-steps')));
		const responses = await Promise.all(
			learners.flatMap(({ browser }) =>
				Array.from({ length: 16 }, (_, i) =>
					progress(browser, BASICS, 'first-steps', i % 2 === 0 ? 'complete' : 'uncomplete'),
				),
			),
		);
		expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
		const changed = (await Promise.all(responses.map((r) => r.json()))).filter(
			(b) => b.changed,
		).length;
		expect(changed).toBeGreaterThan(learners.length * 2);
		for (const learner of learners) {
			const userId = await userIdOf(learner.email);
			const certs = await certificatesOf(userId);
			expect(certs).toHaveLength(1);
			expect(certs[0]).toMatchObject({
				learnerName: 'Rahima Khatun',
				courseTitle: 'Certificate basics (test fixture)',
				courseVersion: 'test.1',
				hours: 2,
			});
			expect(certs[0]!.skills).toEqual(['Testing certificates', 'Reading lessons']);
			expect(certs[0]!.id).toMatch(/^[a-z2-7]{32}$/);
			const { db } = await getTestDb(dbUrl);
			const enrolment = await db
				.select()
				.from(enrolmentTable)
				.where(and(eq(enrolmentTable.userId, userId), eq(enrolmentTable.courseSlug, BASICS)))
				.get();
			expect(enrolment?.completedAt).toBeInstanceOf(Date);
			const mail = readLatestMail(dataDir, learner.email);
			expect(mail?.subject).toBe('Your certificate for Certificate basics (test fixture)');
			expect(mail?.text).toContain(`${base}/verify/${certs[0]!.id}`);
		}
		const indexes = await Promise.all(
			learners.map(async (l) => (await certificatesOf(await userIdOf(l.email)))[0]!.statusIndex),
		);
		expect(new Set(indexes).size).toBe(learners.length);
	});

	it('needs the assessment score to reach the pass mark', async () => {
		const { browser, email } = await signUp(base);
		const userId = await userIdOf(email);
		const { db } = await getTestDb(dbUrl);
		const attempt = (score: number) =>
			db.insert(quizAttemptTable).values({
				id: crypto.randomUUID(),
				userId,
				courseSlug: 'cert-assessed',
				quizId: 'cert-final',
				locale: 'en',
				layout: [],
				startedAt: new Date(),
				submittedAt: new Date(),
				score,
				passed: score >= 80,
			});
		await attempt(75);
		await progress(browser, 'cert-assessed', 'final');
		expect(await certificatesOf(userId, 'cert-assessed')).toEqual([]);
		await attempt(85);
		await progress(browser, 'cert-assessed', 'final', 'uncomplete');
		await progress(browser, 'cert-assessed', 'final');
		expect(await certificatesOf(userId, 'cert-assessed')).toHaveLength(1);
	});
});

describe('the answer to a passing submission', () => {
	const assessed = readQuizFile(
		join(root, 'tests', 'fixtures', 'courses', 'cert-assessed', '01-only', 'cert-final.quiz.yaml'),
	);
	/** Starts and submits the final assessment with every answer right; returns the result shown. */
	async function pass(browser: Browser) {
		const started = await browser.postJson('/api/quiz/start', {
			course: 'cert-assessed',
			quiz: 'cert-final',
		});
		expect(started.status).toBe(201);
		const { attempt } = await started.json();
		const res = await browser.postJson('/api/quiz/submit', {
			attempt: attempt.id,
			answers: buildAnswers(assessed, attempt.questions),
		});
		expect(res.status).toBe(200);
		const { result } = await res.json();
		expect(result.passed).toBe(true);
		return result as { certificateUrl?: string };
	}

	it('links the certificate the pass earned, links it again on a later pass, and not once it is revoked', async () => {
		const { browser, email } = await signUp(base);
		const userId = await userIdOf(email);
		const first = await pass(browser);
		const [cert] = await certificatesOf(userId, 'cert-assessed');
		expect(cert, 'the pass completed the course').toBeDefined();
		expect(first.certificateUrl).toBe(`/verify/${cert!.id}`);
		expect((await pass(browser)).certificateUrl).toBe(`/verify/${cert!.id}`);
		const admin = await createAdmin();
		const revoke = await admin.browser.postForm('/admin/certificates', {
			action: 'revoke',
			id: cert!.id,
			reason: 'Issued in error',
		});
		expect(revoke.status).toBeLessThan(400);
		expect((await certificatesOf(userId, 'cert-assessed'))[0]!.revokedAt).not.toBeNull();
		expect((await pass(browser)).certificateUrl).toBeUndefined();
	});
});

describe('verify page', () => {
	it('shows a valid certificate with its facts, the course outline and Open Graph tags, in each language', async () => {
		const { id } = await earnCertificate('Farhana Akter');
		const res = await fetch(`${base}/verify/${id}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-cache');
		const html = await res.text();
		expect(html).toContain('Valid certificate');
		expect(html).toContain(
			'Dakshata confirms that Farhana Akter completed the course “Certificate basics (test fixture)”',
		);
		for (const fact of [
			'Testing certificates · Reading lessons',
			'2 hours',
			'test.1',
			`Dakshata (${base})`,
			id,
			'First steps',
			'Next steps',
		])
			expect(html).toContain(fact);
		expect(html).toMatch(
			/<meta property="og:title" content="Farhana Akter: Certificate basics \(test fixture\) \(verified certificate\)"/,
		);
		for (const prefix of ['/bn', '/hi']) {
			const localized = await fetch(`${base}${prefix}/verify/${id}`);
			expect(localized.status).toBe(200);
			const page = await localized.text();
			expect(page).toContain(`lang="${prefix.slice(1)}"`);
			// The course title in the page's language before the stored English one, when the
			// course has a translation (the fixture has course.bn.md, not course.hi.md).
			if (prefix === '/bn')
				expect(page).toMatch(
					/<span lang="bn"[^>]*>সার্টিফিকেটের মৌলিক বিষয় \(টেস্ট ফিক্সচার\)<\/span> \(<span lang="en"[^>]*>Certificate basics \(test fixture\)<\/span>\)/,
				);
			else expect(page).not.toContain('(<span lang="en">Certificate basics');
		}
	});

	it('answers malformed and unknown ids with a 404 page, never an error', async () => {
		const ids = [
			'nope',
			'a'.repeat(32),
			`${'a'.repeat(31)}1`,
			'%00',
			'x'.repeat(500),
			"'or'1'='1",
			'ü'.repeat(32),
		];
		for (const id of ids) {
			for (const path of [
				`/verify/${id}`,
				`/bn/verify/${id}`,
				`/verify/${id}.pdf`,
				`/verify/${id}.json`,
			]) {
				const res = await fetch(`${base}${path}`);
				expect(res.status, path).toBe(404);
			}
		}
		const html = await (await fetch(`${base}/verify/${'b'.repeat(32)}`)).text();
		expect(html).toContain('Certificate not found');
		const { id } = await earnCertificate('Typed From Paper');
		const upper = await fetch(`${base}/bn/verify/${id.toUpperCase()}`, { redirect: 'manual' });
		expect(upper.status).toBe(301);
		expect(upper.headers.get('location')).toBe(`/bn/verify/${id}`);
	});
});

describe('certificate PDF', () => {
	it('carries Bengali and Hindi names in its text layer, with embedded fonts and no missing glyphs', async () => {
		for (const name of ['রহিমা খাতুন', 'প্রিয়াঙ্কা চক্রবর্তী', 'प्रिया शर्मा', 'क्षितिज त्रिपाठी']) {
			const { id } = await earnCertificate(name);
			const pdf = await getPdf(id);
			const text = extractText(pdf);
			expect(text).toContain(name);
			expect(text).toContain('Certificate basics (test fixture)');
			expect(text).toContain(id);
			const fonts = listFonts(pdf);
			expect(fonts.length).toBeGreaterThan(0);
			expect(fonts.every((f) => f.embedded)).toBe(true);
			expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSans(Bengali|Devanagari)/);
			expect(countNotdefGlyphs(pdf)).toBe(0);
			expect(renderPage(pdf, 50).stderr).toBe('');
		}
	});

	it('prints an Urdu and a Chinese name, too (every script: tests/unit/certificate-pdf-scripts.test.ts)', async () => {
		for (const name of ['محمد علی خان', '王小明']) {
			const { id } = await earnCertificate(name);
			const pdf = await getPdf(id);
			expect(extractText(pdf)).toContain(name);
			expect(countNotdefGlyphs(pdf)).toBe(0);
		}
	});

	it('has a QR code that decodes to the verify page, and a download name', async () => {
		const { id } = await earnCertificate('Zoë Ñúñez');
		const res = await fetch(`${base}/verify/${id}.pdf`);
		expect(res.headers.get('content-disposition')).toBe(
			`inline; filename="dakshata-certificate-cert-basics-zoe-nunez.pdf"; filename*=UTF-8''dakshata-certificate-cert-basics-zo%C3%AB-%C3%B1%C3%BA%C3%B1ez.pdf`,
		);
		const pdf = Buffer.from(await res.arrayBuffer());
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(decodeQr(renderPage(pdf).png)).toBe(`${base}/verify/${id}`);
	});
});

describe('signed credential', () => {
	it('keeps the signing key in DATA_DIR/keys, readable only by the server', async () => {
		// The key is created on first use; asking for the DID document uses it. (One retry: after a
		// long PDF test the server may close the idle keep-alive socket just as fetch reuses it.)
		const did = () => fetch(`${base}/.well-known/did.json`);
		expect((await did().catch(did)).status).toBe(200);
		expect(statSync(join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
		expect(statSync(join(dataDir, 'keys', 'signing-key.pem')).mode & 0o777).toBe(0o600);
	});

	it('signs with SIGNING_KEY when it is set (base64 of the PEM), and writes no key file', async () => {
		const { privateKey, publicKey } = generateKeyPairSync('ed25519');
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const server = await startServer({ env: { SIGNING_KEY: Buffer.from(pem).toString('base64') } });
		try {
			const doc = await (await fetch(`${server.url}/.well-known/did.json`)).json();
			expect(doc.verificationMethod[0].publicKeyJwk.x).toBe(publicKey.export({ format: 'jwk' }).x);
			expect(existsSync(join(server.dataDir, 'keys'))).toBe(false);
		} finally {
			await server.stop();
		}
	});

	it('refuses to start with a SIGNING_KEY that is not an Ed25519 key, and names it', () => {
		const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
			.privateKey.export({ type: 'pkcs8', format: 'pem' })
			.toString();
		for (const [value, message] of [
			['not a key', 'SIGNING_KEY is not a PKCS#8 PEM private key'],
			[rsa, 'SIGNING_KEY must be an Ed25519 key, not rsa'],
		]) {
			const result = spawnSync(nodeBin, [join(root, 'scripts', 'serve.ts')], {
				cwd: root,
				env: { ...process.env, SIGNING_KEY: value, PORT: '0' },
				encoding: 'utf8',
				timeout: 20_000,
			});
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(message);
			// The key itself is never printed.
			if (value === rsa) expect(result.stderr).not.toContain(rsa.slice(40, 80));
		}
	});
});

describe('revocation', () => {
	it('shows at once on the verify page and the PDF, is audited, and cannot be undone', async () => {
		const { id, browser } = await earnCertificate('Sumaiya Islam');
		const admin = await createAdmin();
		expect(
			(await admin.browser.postForm('/admin/certificates', { action: 'revoke', id, reason: '' }))
				.status,
		).toBe(400);
		expect(
			(
				await admin.browser.postForm('/admin/certificates', {
					action: 'revoke',
					id,
					reason: 'x'.repeat(501),
				})
			).status,
		).toBe(400);
		expect(
			(await browser.postForm('/admin/certificates', { action: 'revoke', id, reason: 'no' }))
				.status,
		).toBe(403);
		expect(
			(
				await admin.browser.postForm('/admin/certificates', {
					action: 'revoke',
					id: 'b'.repeat(32),
					reason: 'x',
				})
			).status,
		).toBe(404);
		expect(
			(
				await admin.browser.postForm('/admin/certificates', {
					action: 'revoke',
					id,
					reason: 'Assessment taken by someone else',
				})
			).status,
		).toBe(303);

		const html = await (await fetch(`${base}/verify/${id}`)).text();
		expect(html).toContain('This certificate has been revoked');
		expect(html).toContain('Assessment taken by someone else');
		expect(html).not.toContain('Valid certificate');
		expect(extractText(await getPdf(id))).toContain('REVOKED');
		const listing = await (await admin.browser.get(`/admin/certificates?q=${id}`)).text();
		expect(listing).toContain('Revocation is final');
		expect(listing).not.toContain('Reinstate');
		expect(
			(
				await admin.browser.postForm('/admin/certificates', {
					action: 'revoke',
					id,
					reason: 'again',
				})
			).status,
		).toBe(409);

		const { db } = await getTestDb(dbUrl);
		const audit = await db.select().from(auditLogTable).where(eq(auditLogTable.target, id));
		expect(audit.map((a) => a.action)).toEqual(['certificate.revoke']);
		expect(audit[0]!.detail).toEqual({ reason: 'Assessment taken by someone else' });
	});

	it('finds certificates by learner email or name for admins only', async () => {
		const { email, id } = await earnCertificate('Findable Learner');
		const admin = await createAdmin();
		for (const q of [email, 'findable learner', id])
			expect(
				await (await admin.browser.get(`/admin/certificates?q=${encodeURIComponent(q)}`)).text(),
			).toContain(id);
		expect(await (await admin.browser.get('/admin/certificates?q=zz-nobody-zz')).text()).toContain(
			'No certificates match this search.',
		);
		expect((await new Browser(base).get('/admin/certificates')).status).toBe(303);
	});
});

describe('reissueCertificate', () => {
	it('keeps the printed name after a name change until the learner asks for a reissue, which supersedes the old one', async () => {
		const { id, browser, userId } = await earnCertificate('Old Name');
		expect((await browser.postForm('/account', { intent: 'name', name: 'New Name' })).status).toBe(
			303,
		);
		expect(await (await fetch(`${base}/verify/${id}`)).text()).toContain('Old Name');

		const res = await browser.postForm('/api/certificates/reissue', {
			course: BASICS,
			next: '/dashboard',
		});
		expect(res.status).toBe(303);
		const [current] = (await certificatesOf(userId)).filter((c) => !c.supersededBy);
		expect(current!.learnerName).toBe('New Name');
		expect(res.headers.get('location')).toBe(`/dashboard?reissued=${current!.id}`);

		const old = await (await fetch(`${base}/verify/${id}`)).text();
		expect(old).toContain('This certificate has been replaced');
		expect(old).toContain(`href="/verify/${current!.id}"`);
		expect(await (await fetch(`${base}/verify/${current!.id}`)).text()).toContain('New Name');
		expect(extractText(await getPdf(id))).toContain('REPLACED');

		// Nothing left to do, then refused once revoked.
		const again = await browser.postJson('/api/certificates/reissue', { course: BASICS });
		expect(await again.json()).toEqual({ ok: true, outcome: 'unchanged', id: current!.id });
		const { db } = await getTestDb(dbUrl);
		await db
			.update(certificateTable)
			.set({ revokedAt: new Date(), revokedReason: 'test' })
			.where(eq(certificateTable.id, current!.id));
		await browser.postForm('/account', { intent: 'name', name: 'Third Name' });
		expect((await browser.postJson('/api/certificates/reissue', { course: BASICS })).status).toBe(
			409,
		);
	});

	it('refuses visitors, malformed bodies and courses without a certificate', async () => {
		expect(
			(await new Browser(base).postForm('/api/certificates/reissue', { course: BASICS })).status,
		).toBe(401);
		const { browser } = await signUp(base);
		expect((await browser.postForm('/api/certificates/reissue', { course: '../x' })).status).toBe(
			400,
		);
		expect((await browser.postForm('/api/certificates/reissue', { course: BASICS })).status).toBe(
			404,
		);
	});
});
