/**
 * Graded projects over HTTP against the production build: personalised start files, grading of
 * finished files made by a JS library (exceljs, docx, pptxgenjs) and by LibreOffice (both must
 * score 100 for every shipped project), a wrong Word and PowerPoint file scoring less with the
 * step's message,
 * partial credit, the report, lesson completion after a pass, and every refusal (another learner's
 * file, a tampered key, a zip bomb, an XXE document, a renamed executable, an .xlsm, a 20 MB file),
 * each answered with a 4xx and checked in the database to have recorded nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import type { Browser } from '../helpers/http.ts';
import { findProjectLeaks } from '../helpers/leak-scan.ts';
import { sendRaw } from '../helpers/raw-http.ts';
import {
	getOfficeKind,
	solveWithJs as solveWithExcelJs,
	solveWithLibreOffice,
	SOLVABLE_PROJECTS,
} from '../helpers/project-solutions.ts';
import { root, startServer } from '../helpers/server.ts';

const base = inject('baseUrl');
/**
 * 60 MB of zeros in a package of about 60 KB. Made when the file loads, before any request:
 * compressing it blocks the event loop for seconds, long enough for the server to close an idle
 * keep-alive connection that the next request would then reuse.
 */
const bomb = zipSync(
	{
		'[Content_Types].xml': strToU8('<Types/>'),
		'xl/workbook.xml': strToU8('<workbook/>'),
		'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024),
	},
	{ level: 6 },
);
const dbUrl = inject('databaseUrl');

/** Every shipped project: course, embedding lesson and id. */
const PROJECTS: Record<string, { course: string; lesson: string }> = {
	'customer-list': { course: 'excel', lesson: 'project-customer-list' },
	'lead-list': { course: 'web-research-and-lead-lists', lesson: 'project-lead-list' },
	'order-report': { course: 'excel', lesson: 'project-march-orders' },
	'sales-summary': { course: 'excel', lesson: 'capstone-sales-summary' },
	'buyer-guide': { course: 'microsoft-office', lesson: 'word-tables' },
	'buyer-letter': { course: 'microsoft-office', lesson: 'mail-merge' },
	'office-lunch-deck': { course: 'microsoft-office', lesson: 'powerpoint-from-a-brief' },
};
const MIME = { xlsx: 'spreadsheetml', docx: 'wordprocessingml', pptx: 'presentationml' } as const;
const OFFICE_PROJECTS = ['buyer-guide', 'buyer-letter', 'office-lunch-deck'] as const;
/** The project file of a shipped project. */
function findProjectFile(id: string): string {
	const dir = join(root, 'courses');
	const rel = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((f) =>
		f.endsWith(`/${id}.project.yaml`),
	)!;
	return join(dir, rel);
}

/** The English lesson that embeds a shipped project (beside its project file). */
function findLessonFile(id: string): string {
	const dir = dirname(findProjectFile(id));
	const file = readdirSync(dir).find((f) => f.endsWith(`-${PROJECTS[id]!.lesson}.mdx`))!;
	return join(dir, file);
}

/** Ids of every `<id>.project.yaml` under courses/. */
function shippedProjectIds(): string[] {
	const dir = join(root, 'courses');
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.project\.yaml$/.test(f))
		.map((f) =>
			f
				.split('/')
				.pop()!
				.replace(/\.project\.yaml$/, ''),
		);
}

const pagePath = (id: string) =>
	`/courses/${PROJECTS[id]!.course}/${PROJECTS[id]!.lesson}/project/${id}`;

async function sql(query: string, ...args: (string | number | null)[]) {
	const { client } = await getTestDb(dbUrl);
	return (await client.execute({ sql: query, args })).rows;
}

async function countSubmissions(email: string) {
	return Number(
		(
			await sql(
				'select count(*) as n from project_submission s join user u on u.id = s.user_id where u.email = ?',
				email,
			)
		)[0]!.n,
	);
}

async function download(browser: Browser, id: string): Promise<Uint8Array> {
	const res = await browser.get(`${pagePath(id)}/start-file`);
	expect(res.status).toBe(200);
	const bytes = new Uint8Array(await res.arrayBuffer());
	expect(res.headers.get('content-type')).toContain(MIME[getOfficeKind(bytes)]);
	return bytes;
}

async function upload(
	browser: Browser,
	id: string,
	bytes: Uint8Array,
	name = `${id}.${getOfficeKind(bytes)}`,
) {
	const form = new FormData();
	form.set('intent', 'upload');
	form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
	return browser.request(pagePath(id), { method: 'POST', body: form });
}

/** Uploads and follows the redirect to the report; returns the score shown. */
async function uploadAndRead(
	browser: Browser,
	id: string,
	bytes: Uint8Array,
): Promise<{ score: number; html: string }> {
	const res = await upload(browser, id, bytes);
	if (res.status !== 303)
		throw new Error(
			`upload answered ${res.status}: ${(await res.text()).match(/notice error[^>]*>([^<]*)/)?.[1]}`,
		);
	const page = await browser.get(res.headers.get('location')!);
	const html = await page.text();
	const score = Number(/Score: ([\d.]+)%/.exec(html)?.[1]);
	return { score, html };
}

async function readWorkbook(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	return wb;
}

function editPackage(
	bytes: Uint8Array,
	edit: (parts: Record<string, Uint8Array>) => void,
): Uint8Array {
	const parts = unzipSync(bytes);
	edit(parts);
	return zipSync(parts);
}

describe('start files', () => {
	it('carry the learner name and a signed key, and hold different data for different learners', async () => {
		const a = await signUp(base, { name: 'Rahima Khatun' });
		const b = await signUp(base, { name: 'Sunil Patil' });
		const fileA = await download(a.browser, 'order-report');
		const fileB = await download(b.browser, 'order-report');
		const about = (await readWorkbook(fileA)).getWorksheet('About')!;
		expect(about.getCell('B2').value).toBe('Rahima Khatun');
		const key = String(about.getCell('B3').value);
		expect(key).toMatch(/^DK1-[a-z0-9]+-[0-9a-f]{24}$/);
		expect(strFromU8(unzipSync(fileA)['docProps/custom.xml']!)).toContain(
			`name="DakshataAttemptKey"><vt:lpwstr>${key}<`,
		);
		const prices = async (f: Uint8Array) =>
			(await readWorkbook(f)).getWorksheet('Price list')!.getColumn(3).values.join();
		expect(await prices(fileA)).not.toBe(await prices(fileB));
		// A second download of the same attempt is the same file.
		expect(Buffer.from(await download(a.browser, 'order-report')).equals(Buffer.from(fileA))).toBe(
			true,
		);
	});

	it('send visitors to sign in', async () => {
		const res = await fetch(`${base}${pagePath('order-report')}/start-file`, {
			redirect: 'manual',
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('/login');
	});
});

describe('shipped projects', () => {
	it('all have an exceljs and a LibreOffice solution in these tests', () => {
		expect([...SOLVABLE_PROJECTS].sort()).toEqual(shippedProjectIds().sort());
		expect(Object.keys(PROJECTS).sort()).toEqual(shippedProjectIds().sort());
	});
});

describe('grading', () => {
	it.each(SOLVABLE_PROJECTS)(
		'gives a JS-made (exceljs, docx or pptxgenjs) solution of %s 100 and completes its lesson',
		async (id) => {
			const { browser } = await signUp(base);
			const solved = await solveWithExcelJs(id, await download(browser, id));
			const { score, html } = await uploadAndRead(browser, id, solved);
			expect(score).toBe(100);
			expect(html).toContain('Passed.');
			const lesson = await (
				await browser.get(`/courses/${PROJECTS[id]!.course}/${PROJECTS[id]!.lesson}`)
			).text();
			expect(lesson).toContain('You completed this lesson.');
		},
	);

	it('gives LibreOffice-made solutions of every project 100', async () => {
		const learners = await Promise.all(SOLVABLE_PROJECTS.map(() => signUp(base)));
		const starts = await Promise.all(
			SOLVABLE_PROJECTS.map((id, i) => download(learners[i]!.browser, id)),
		);
		const solved = await solveWithLibreOffice(
			SOLVABLE_PROJECTS.map((projectId, i) => ({ projectId, start: starts[i]! })),
		);
		for (const [i, id] of SOLVABLE_PROJECTS.entries())
			expect((await uploadAndRead(learners[i]!.browser, id, solved[i]!)).score, id).toBe(100);
	}, 600_000);

	it('gives partial credit, names the failed step with its hint, and passes once the learner fixes it', async () => {
		const { browser } = await signUp(base);
		const start = await download(browser, 'order-report');
		const first = await uploadAndRead(
			browser,
			'order-report',
			await solveWithExcelJs('order-report', start, ['whatsapp-totals']),
		);
		expect(first.score).toBe(75);
		expect(first.html).toContain('Not passed yet');
		expect(first.html).toMatch(
			/WhatsApp sales by region<\/strong> — 0 of 25 points, <span class="project-status"[^>]*>not yet/,
		);
		expect(first.html).toMatch(
			/data-step="whatsapp-totals"[^>]*>[\s\S]*?<p class="project-message"[^>]*>[^<]+<\/p>/,
		);
		const second = await uploadAndRead(
			browser,
			'order-report',
			await solveWithExcelJs('order-report', start),
		);
		expect(second.score).toBe(100);
		expect(second.html).toContain('Best score: 100%');
	});

	it.each([
		['buyer-guide', 'table-header', 'Set the first row of the table to repeat as a header row'],
		[
			'buyer-letter',
			'merge-fields',
			'Insert these merge fields from the data source: FirstName, Shop, City.',
		],
		['office-lunch-deck', 'notes', 'Add speaker notes of at least 8 words to slides'],
	] as const)(
		'gives a %s file with the %s step undone less than 100, with that step not passed and its message',
		async (id, step, message) => {
			const { browser } = await signUp(base);
			const { score, html } = await uploadAndRead(
				browser,
				id,
				await solveWithExcelJs(id, await download(browser, id), [step]),
			);
			expect(score).toBeLessThan(100);
			expect(html).toMatch(new RegExp(`<li class="project-step-not-yet"[^>]*data-step="${step}"`));
			expect(html).toContain(message);
		},
	);

	it('gives the Word and PowerPoint start files, as downloaded, well under the pass mark', async () => {
		const { browser } = await signUp(base);
		for (const id of OFFICE_PROJECTS)
			expect(
				(await uploadAndRead(browser, id, await download(browser, id))).score,
				id,
			).toBeLessThan(20);
	});

	it('refuses a typed result where a formula is required', async () => {
		const { browser } = await signUp(base);
		const wb = await readWorkbook(
			await solveWithExcelJs('order-report', await download(browser, 'order-report')),
		);
		const cell = wb.getWorksheet('Summary')!.getCell('B2');
		cell.value = (cell.value as { result: number }).result;
		const { score, html } = await uploadAndRead(
			browser,
			'order-report',
			new Uint8Array(await wb.xlsx.writeBuffer()),
		);
		expect(score).toBeLessThan(100);
		expect(html).toMatch(/<li class="project-step-partly"[^>]*data-step="region-totals"/);
	});
});

describe('refusals', () => {
	let start: Uint8Array;
	let solved: Uint8Array;
	let learner: { browser: Browser; email: string };
	let other: { browser: Browser; email: string };

	beforeAll(async () => {
		learner = await signUp(base);
		other = await signUp(base);
		start = await download(learner.browser, 'order-report');
		solved = await solveWithExcelJs('order-report', start);
		await download(other.browser, 'order-report');
	});

	const refused = async (
		who: () => { browser: Browser; email: string },
		bytes: Uint8Array,
		status: number,
		message: RegExp,
		name?: string,
	) => {
		const before = await countSubmissions(who().email);
		const res = await upload(who().browser, 'order-report', bytes, name);
		expect(res.status).toBe(status);
		expect(await res.text()).toMatch(message);
		expect(await countSubmissions(who().email)).toBe(before);
	};

	it("refuses another learner's finished file (wrong key)", () =>
		refused(() => other, solved, 409, /made for another attempt or another learner/));

	it('refuses a file whose key was tampered with', () => {
		const forged = (key: string) =>
			key.replace(
				/-([0-9a-f])([0-9a-f]{23})$/,
				(_, c: string, rest: string) => `-${c === '0' ? '1' : '0'}${rest}`,
			);
		const bytes = editPackage(solved, (parts) => {
			for (const name of Object.keys(parts)) {
				if (!/\.xml$/.test(name)) continue;
				const text = strFromU8(parts[name]!);
				if (/DK1-/.test(text))
					parts[name] = strToU8(text.replace(/DK1-[a-z0-9]+-[0-9a-f]{24}/g, forged));
			}
		});
		return refused(() => learner, bytes, 422, /key in this file has been changed/);
	});

	it('refuses a zip bomb before inflating it', () => {
		expect(bomb.byteLength).toBeLessThan(1024 * 1024);
		return refused(() => learner, bomb, 422, /unpacks to far more data/);
	});

	it('refuses a document with an external entity (XXE)', () => {
		const bytes = editPackage(solved, (parts) => {
			const wb = strFromU8(parts['xl/workbook.xml']!);
			parts['xl/workbook.xml'] = strToU8(
				wb.replace(
					/^(<\?xml[^>]*\?>)?/,
					'$1<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
				),
			);
		});
		return refused(() => learner, bytes, 422, /damaged or not a normal Office file/);
	});

	it('refuses a renamed executable', () =>
		refused(
			() => learner,
			new Uint8Array(readFileSync(process.execPath).subarray(0, 256 * 1024)),
			415,
			/not an Office file/,
			'order-report.xlsx',
		));

	it('refuses a macro-enabled workbook (.xlsm)', () => {
		const bytes = editPackage(solved, (parts) => {
			const types = strFromU8(parts['[Content_Types].xml']!);
			parts['[Content_Types].xml'] = strToU8(
				types.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml'),
			);
			parts['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3]);
		});
		return refused(() => learner, bytes, 415, /Files with macros/, 'order-report.xlsm');
	});

	it('refuses a 20 MB upload without reading it', async () => {
		// Only the head is sent: the server must answer from the declared length, before any body
		// arrives (a client still writing 20 MB would meet a closed socket, as browsers handle).
		const before = await countSubmissions(learner.email);
		const host = new URL(base).host;
		const res = await sendRaw(
			base,
			`POST ${pagePath('order-report')} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${base}\r\nCookie: ${learner.browser.cookieHeader}\r\n` +
				`Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n--x\r\n`,
		);
		expect(res.status).toBe(413);
		expect(res.body).toMatch(/larger than 10 MB/);
		expect(await countSubmissions(learner.email)).toBe(before);
	});

	it('refuses in the learner language', async () => {
		const bn = await signUp(base, { locale: 'bn' });
		await download(bn.browser, 'order-report');
		const form = new FormData();
		form.set('intent', 'upload');
		form.set(
			'file',
			new Blob([new Uint8Array(readFileSync(process.execPath).subarray(0, 4096))]),
			'x.xlsx',
		);
		const res = await bn.browser.request(`/bn${pagePath('order-report')}`, {
			method: 'POST',
			body: form,
		});
		expect(res.status).toBe(415);
		expect(await res.text()).toContain('এটি কোনো Office ফাইল নয়');
		expect(await countSubmissions(bn.email)).toBe(0);
	});

	it('records the accepted upload as a report and a SHA-256 only', async () => {
		const { score } = await uploadAndRead(learner.browser, 'order-report', solved);
		expect(score).toBe(100);
		const rows = await sql(
			'select s.sha256, s.stored_path from project_submission s join user u on u.id = s.user_id where u.email = ?',
			learner.email,
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0]!.stored_path).toBeNull();
	});
});

describe('leak scan', () => {
	it('finds no seed, key or expected value of an attempt in what the browser receives before uploading', async () => {
		const { browser, email } = await signUp(base);
		for (const id of Object.keys(PROJECTS)) {
			const start = await download(browser, id);
			const key = /DK1-[a-z0-9]+-[0-9a-f]{24}/.exec(
				strFromU8(unzipSync(start)['docProps/custom.xml']!),
			)![0];
			const [row] = await sql(
				'select a.seed from project_attempt a join user u on u.id = a.user_id where u.email = ? and a.project_id = ?',
				email,
				id,
			);
			const seed = String(row!.seed);
			const { BUILDERS } = await import('../../src/lib/projects/builders/index.ts');
			const publicText = [findProjectFile(id), findLessonFile(id)]
				.map((f) => readFileSync(f, 'utf8'))
				.join('\n');
			const builderId = /builder: (\S+)/.exec(publicText)![1]!;
			const html = [
				await (
					await browser.get(`/courses/${PROJECTS[id]!.course}/${PROJECTS[id]!.lesson}`)
				).text(),
				await (await browser.get(pagePath(id))).text(),
			];
			const scripts = await Promise.all(
				[
					...new Set(
						html.flatMap((h) => [...h.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!)),
					),
				].map(async (src) => ({ name: src, source: await (await browser.get(src)).text() })),
			);
			const expected = BUILDERS[builderId]!.expected(seed);
			const secrets = { projectId: id, seed, attemptKey: key, expected, publicText };
			const findings = findProjectLeaks(secrets, { html, scripts });
			expect(findings).toEqual([]);
			// The scan can fail: the same page with a value planted in it is caught.
			const planted = findProjectLeaks(secrets, { html: [`${html[1]}<p>${key}</p>`] });
			expect(planted).toContain(`${id}: the attempt key's signature is visible`);
			// A URL's origin is not scanned (the server's port is no one's data), its query is.
			const total = Object.values(expected)
				.flat(2)
				.find((v) => typeof v === 'number' && v >= 1000 && !publicText.includes(String(v)));
			if (total !== undefined) {
				const inQuery = findProjectLeaks(secrets, {
					html: [`${html[1]}<a href="${base}/check?total=${total}">check</a>`],
				});
				expect(inQuery).toContain(`${id}: expected value "${total}" is visible`);
			}
		}
	});
});

describe('instructor step analysis', () => {
	it('shows each project step with its first-upload pass share, and the same figures as CSV', async () => {
		const admin = await signUp(base);
		await sql('update user set role = ? where email = ?', 'admin', admin.email);
		// Six learners whose first upload misses the WhatsApp step (more than the learners who
		// passed it first time in the tests above): it is flagged.
		for (let i = 0; i < 6; i++) {
			const { browser } = await signUp(base);
			await uploadAndRead(
				browser,
				'order-report',
				await solveWithExcelJs('order-report', await download(browser, 'order-report'), [
					'whatsapp-totals',
				]),
			);
		}
		const page = await admin.browser.get('/instructor/excel/projects');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('March order report for Spice Route Kitchen');
		expect(html).toMatch(/<tr data-step="whatsapp-totals" class="flagged"/);
		expect(html).toMatch(/<tr data-step="unit-prices"(?! class="flagged")/);
		const csv = await (await admin.browser.get('/instructor/excel/projects.csv')).text();
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]).toContain('step_id');
		expect(lines).toHaveLength(1 + 4 + 4 + 3);
		expect(lines.find((l) => l.includes(',"whatsapp-totals",'))).toMatch(/"Teaching problem"$/);
		expect(lines.find((l) => l.includes(',"unit-prices",'))).toMatch(/,""$/);
		const learner = await signUp(base);
		expect((await learner.browser.get('/instructor/excel/projects')).status).toBe(403);
	});
});

describe('keeping uploads', () => {
	it('keeps each graded file under DATA_DIR when PROJECT_UPLOADS_KEEP=true', async () => {
		const server = await startServer({ env: { PROJECT_UPLOADS_KEEP: 'true' } });
		try {
			const { browser } = await signUp(server.url);
			const solved = await solveWithExcelJs(
				'order-report',
				await download(browser, 'order-report'),
			);
			expect((await upload(browser, 'order-report', solved)).status).toBe(303);
			const dir = join(server.dataDir, 'project-uploads', 'excel', 'order-report');
			const files = readdirSync(dir);
			expect(files).toHaveLength(1);
			expect(Buffer.from(readFileSync(join(dir, files[0]!))).equals(Buffer.from(solved))).toBe(
				true,
			);
		} finally {
			await server.stop();
		}
	}, 120_000);
});

describe('certificates and limits', () => {
	const FX = '/courses/project-fixture/the-project/project/fixture-report';
	const fxDownload = async (browser: Browser) =>
		new Uint8Array(await (await browser.get(`${FX}/start-file`)).arrayBuffer());
	const fxUpload = (browser: Browser, bytes: Uint8Array) => {
		const form = new FormData();
		form.set('intent', 'upload');
		form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'fixture.xlsx');
		return browser.request(FX, { method: 'POST', body: form });
	};
	const certificates = async (email: string) =>
		Number(
			(
				await sql(
					"select count(*) as n from certificate c join user u on u.id = c.user_id where u.email = ? and c.course_slug = 'project-fixture'",
					email,
				)
			)[0]!.n,
		);

	it('issues the certificate only once the required project is passed', async () => {
		const { browser, email } = await signUp(base);
		expect(
			(
				await browser.postForm('/api/progress', {
					course: 'project-fixture',
					lesson: 'read-first',
					action: 'complete',
				})
			).status,
		).toBeLessThan(400);
		expect(await certificates(email)).toBe(0);
		const start = await fxDownload(browser);
		expect(
			(await fxUpload(browser, await solveWithExcelJs('order-report', start, ['region-totals'])))
				.status,
		).toBe(303);
		expect(await certificates(email)).toBe(0);
		expect((await fxUpload(browser, await solveWithExcelJs('order-report', start))).status).toBe(
			303,
		);
		expect(await certificates(email)).toBe(1);
	});

	it('refuses uploads beyond the attempt limit, recording nothing', async () => {
		const { browser, email } = await signUp(base);
		const wrong = await solveWithExcelJs('order-report', await fxDownload(browser), [
			'region-totals',
		]);
		for (let i = 0; i < 3; i++) expect((await fxUpload(browser, wrong)).status).toBe(303);
		const res = await fxUpload(browser, wrong);
		expect(res.status).toBe(403);
		expect(await res.text()).toContain('You have used all 3 uploads for this project.');
		expect(await countSubmissions(email)).toBe(3);
	});

	it('refuses an old start file once the learner takes a fresh one', async () => {
		const { browser } = await signUp(base);
		const old = await solveWithExcelJs('order-report', await fxDownload(browser));
		expect((await browser.postForm(FX, { intent: 'new-file' })).status).toBe(303);
		const res = await fxUpload(browser, old);
		expect(res.status).toBe(409);
	});
});
