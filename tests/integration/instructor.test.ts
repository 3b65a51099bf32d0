/**
 * Instructor analytics against the hand-computed fixture in tests/helpers/analytics-fixture.ts
 * (the course tests/fixtures/courses/analytics-fixture must be in courses/ for the build), and who
 * may see them. The file runs its own server and database: other test files act on every course
 * (e.g. starting each quiz), which would change the hand-computed figures.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userTable } from '../../db/schema.ts';
import { signUp } from '../helpers/accounts.ts';
import {
	FIXTURE_COURSE,
	FIXTURE_INSTRUCTOR,
	FIXTURE_OTHER_COURSE,
	FIXTURE_OTHER_INSTRUCTOR,
	seedAnalyticsFixture,
} from '../helpers/analytics-fixture.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const NAMES = [
	'রহিমা খাতুন',
	'Anita Das',
	'Karim Uddin',
	'Learner Four',
	'Learner Five',
	'Learner Six',
	'=SUM(A1:A2)',
	'Learner Eight',
	'Learner Nine',
	'Learner Ten',
];

let server: TestServer;
let base: string;
let trainer: Browser;
let otherTrainer: Browser;
let learner: Browser;
let admin: Browser;
const emails: string[] = [];

async function setRole(email: string, role: 'instructor' | 'admin') {
	const { db } = await getTestDb(server.databaseUrl);
	// As if the owner had opened their confirmation link: instructor access needs a confirmed address.
	await db
		.update(userTable)
		.set({ role, emailVerifiedAt: new Date() })
		.where(eq(userTable.email, email));
}

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	for (const name of NAMES) {
		const s = await signUp(base, { name });
		emails.push(s.email);
	}
	learner = (await signUp(base)).browser;
	trainer = (await signUp(base, { email: FIXTURE_INSTRUCTOR, name: 'Fixture Trainer' })).browser;
	otherTrainer = (await signUp(base, { email: FIXTURE_OTHER_INSTRUCTOR, name: 'Other Trainer' }))
		.browser;
	const a = await signUp(base, { name: 'Analytics Admin' });
	admin = a.browser;
	await setRole(FIXTURE_INSTRUCTOR, 'instructor');
	await setRole(a.email, 'admin');
	const { db } = await getTestDb(server.databaseUrl);
	const users = await db
		.select({ id: userTable.id, email: userTable.email })
		.from(userTable)
		.where(inArray(userTable.email, emails));
	const ids = emails.map((e) => users.find((u) => u.email === e)!.id);
	await seedAnalyticsFixture(db, ids, Date.now());
});

afterAll(async () => {
	await server?.stop();
});

/** The text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
function text(html: string): string {
	return html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The body rows of the first table after the element with `id`, as lists of cell texts. */
function tableAfter(html: string, id: string): string[][] {
	const start = html.indexOf(`id="${id}"`);
	expect(start, `element #${id}`).toBeGreaterThan(-1);
	const table = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html.slice(start))![1]!;
	return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
		[...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!)),
	);
}

/** The overview figures: term → value text. */
function overview(html: string): Record<string, string> {
	const dl = /<dl[^>]*>([\s\S]*?)<\/dl>/.exec(html)![1]!;
	return Object.fromEntries(
		[...dl.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/g)].map((m) => [
			text(m[1]!),
			text(m[2]!),
		]),
	);
}

/** Parses CSV (RFC 4180, as written by src/lib/analytics/csv.ts). */
function parseCsv(body: string): string[][] {
	const rows: string[][] = [];
	for (const line of body.split('\r\n').filter(Boolean)) {
		rows.push(
			[...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) =>
				m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!,
			),
		);
	}
	return rows;
}

describe('course analytics page', () => {
	it('shows the headline figures of the fixture', async () => {
		const res = await trainer.get(`/instructor/${FIXTURE_COURSE}`);
		expect(res.status).toBe(200);
		expect(overview(await res.text())).toEqual({
			Enrolments: '10',
			'Active in the last 7 days': '6',
			'Active in the last 30 days': '8',
			'Completion rate': '30% 3 of 10 enrolments',
			'Certificates issued': '3 1 of them revoked',
			'Median time to complete': '6 days',
		});
	});

	it('counts enrolments per rolling week, oldest first', async () => {
		const html = await (await trainer.get(`/instructor/${FIXTURE_COURSE}`)).text();
		const counts = tableAfter(html, 'weekly').map((row) => row[1]);
		expect(counts).toEqual(['0', '0', '0', '0', '2', '0', '1', '1', '0', '2', '1', '2']);
	});

	it('draws the completion funnel in course order, as a chart with a table of the same numbers', async () => {
		const html = await (await trainer.get(`/instructor/${FIXTURE_COURSE}`)).text();
		expect(tableAfter(html, 'funnel')).toEqual([
			['1', 'Welcome', '9 (90%)', '8 (80%)'],
			['2', 'Practice', '7 (70%)', '6 (60%)'],
			['3', 'Check your understanding', '6 (60%)', '2 (20%)'],
		]);
		const svg =
			/<svg[^>]*role="img"[^>]*aria-labelledby="funnel-chart-title" aria-describedby="funnel-chart-desc"[\s\S]*?<\/svg>/.exec(
				html,
			);
		expect(svg, 'funnel chart').not.toBeNull();
		expect(svg![0].match(/<rect/g)).toHaveLength(6);
	});

	it('analyses each question from first attempts only, and flags the broken ones', async () => {
		const html = await (await trainer.get(`/instructor/${FIXTURE_COURSE}`)).text();
		expect(text(html)).toContain(
			'12 submitted attempts in all; the first attempts of 10 learners analysed.',
		);
		expect(text(html)).toContain(
			'Passed on the first attempt: 20%. Median first-attempt score: 40%.',
		);
		expect(tableAfter(html, 'quiz-fixture-check')).toEqual([
			[
				'Which option is right? Single choice',
				'10',
				'50%',
				'Charlie (3 learners)',
				'1.00',
				'No problem found',
			],
			[
				'Which options are right? Multiple choice',
				'10',
				'20%',
				'Foxtrot (3 learners)',
				'0.67',
				'No problem found',
			],
			[
				'True or false: the sky is green. True or false',
				'10',
				'70%',
				'True (3 learners)',
				'−0.67',
				'Weaker learners do better than stronger ones',
			],
			[
				'Type the word "hello". Short text',
				'10',
				'10%',
				'hi (5 learners)',
				'0.33',
				'Nearly everyone gets this wrong',
			],
			[
				'How many legs does a spider have? Number',
				'10',
				'50%',
				'7 (3 learners)',
				'1.00',
				'No problem found',
			],
		]);
	});

	it('is in Bengali under /bn/', async () => {
		const res = await trainer.get(`/bn/instructor/${FIXTURE_COURSE}`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('lang="bn"');
	});
});

describe('learners list', () => {
	it('lists every learner with progress, best quiz score and certificate', async () => {
		const html = await (await trainer.get(`/instructor/${FIXTURE_COURSE}/learners`)).text();
		const rows = tableAfter(html, 'q');
		expect(rows).toHaveLength(10);
		const byName = Object.fromEntries(rows.map((r) => [r[0], r]));
		expect(byName['Anita Das']![2]).toBe('75%');
		expect(byName['Anita Das']![4]).toBe('Fixture check: 60%');
		expect(byName['Anita Das']![5]).toBe('Revoked');
		expect(byName['Karim Uddin']![2]).toBe('100%');
		expect(byName['Karim Uddin']![4]).toBe('Fixture check: 80%');
		expect(byName['Karim Uddin']![5]).toMatch(/^Issued /);
		expect(byName['Learner Six']![2]).toBe('25% Left the course');
		expect(byName['Learner Ten']![2]).toBe('0%');
		expect(byName['Learner Ten']![4]).toBe('Fixture check: 20%');
		expect(text(html)).toContain('Page 1 of 1 (10 in all)');
	});

	it('finds learners by name or email', async () => {
		const html = await (
			await trainer.get(`/instructor/${FIXTURE_COURSE}/learners?q=${encodeURIComponent('রহিমা')}`)
		).text();
		expect(tableAfter(html, 'q').map((r) => r[1])).toEqual([emails[0]]);
		const byEmail = await (
			await trainer.get(
				`/instructor/${FIXTURE_COURSE}/learners?q=${encodeURIComponent(emails[3]!)}`,
			)
		).text();
		expect(tableAfter(byEmail, 'q').map((r) => r[0])).toEqual(['Learner Four']);
		const none = await (
			await trainer.get(`/instructor/${FIXTURE_COURSE}/learners?q=zz-nobody-zz`)
		).text();
		expect(none).toContain('No learners match this search.');
	});

	it('pages through learners', async () => {
		const second = await (
			await trainer.get(`/instructor/${FIXTURE_COURSE}/learners?page=2`)
		).text();
		expect(second).toContain('There are no learners on this page.');
		expect(second).not.toContain('Learner Four');
	});
});

describe('CSV exports', () => {
	it('exports the learners with a byte order mark, quoting, and formulas defused', async () => {
		const res = await trainer.get(`/instructor/${FIXTURE_COURSE}/learners.csv`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="analytics-fixture-learners-\d{4}-\d{2}-\d{2}\.csv"$/,
		);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const body = new TextDecoder().decode(bytes.slice(3));
		expect(body).toContain('"রহিমা খাতুন"');
		expect(body).toContain(`"'=SUM(A1:A2)"`);
		const rows = parseCsv(body);
		expect(rows[0]).toEqual([
			'Name',
			'Email',
			'Enrolled (UTC)',
			'Left the course (UTC)',
			'Progress (%)',
			'Last activity (UTC)',
			'Completed the course (UTC)',
			'Best quiz scores: Fixture check (%)',
			'Certificate id',
			'Certificate',
		]);
		expect(rows).toHaveLength(11);
		const karim = rows.find((r) => r[0] === 'Karim Uddin')!;
		expect(karim[4]).toBe('100');
		expect(karim[7]).toBe('80');
		expect(karim[9]).toMatch(/^Issued \d{4}-\d{2}-\d{2} /);
	});

	it('exports only the learners matching a search', async () => {
		const body = await (
			await trainer.get(
				`/instructor/${FIXTURE_COURSE}/learners.csv?q=${encodeURIComponent('Learner F')}`,
			)
		).text();
		expect(
			parseCsv(body)
				.slice(1)
				.map((r) => r[0])
				.sort(),
		).toEqual(['Learner Five', 'Learner Four']);
	});

	it('exports the item analysis with the figures of the page', async () => {
		const res = await trainer.get(`/instructor/${FIXTURE_COURSE}/items.csv`);
		expect(res.status).toBe(200);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
		expect(rows[0]).toEqual([
			'Quiz',
			'Question id',
			'Type',
			'Question',
			'First attempts',
			'Correct on first attempt (%)',
			'Most chosen wrong answer',
			'Learners who chose it',
			'Discrimination',
			'Check',
		]);
		expect(rows.slice(1).map((r) => [r[1], r[4], r[5], r[6], r[7], r[8], r[9]])).toEqual([
			['pick-one', '10', '50', 'Charlie', '3', '1', ''],
			['pick-many', '10', '20', 'Foxtrot', '3', '0.667', ''],
			[
				'true-or-false',
				'10',
				'70',
				'True',
				'3',
				'-0.667',
				'Weaker learners do better than stronger ones',
			],
			['type-it', '10', '10', 'hi', '5', '0.333', 'Nearly everyone gets this wrong'],
			['count-it', '10', '50', '7', '3', '1', ''],
		]);
	});
});

describe('access to analytics', () => {
	const paths = (course: string) => [
		`/instructor/${course}`,
		`/instructor/${course}/learners`,
		`/instructor/${course}/learners.csv`,
		`/instructor/${course}/items.csv`,
	];

	it('sends visitors to sign in, coming back afterwards', async () => {
		for (const path of ['/instructor', ...paths(FIXTURE_COURSE)]) {
			const res = await new Browser(base).get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toBe(`/login?next=${encodeURIComponent(path)}`);
		}
	});

	it('refuses learners with 403', async () => {
		for (const path of ['/instructor', ...paths(FIXTURE_COURSE)])
			expect((await learner.get(path)).status, path).toBe(403);
	});

	it('refuses a listed email until an admin gives the account the instructor role', async () => {
		expect((await otherTrainer.get(`/instructor/${FIXTURE_OTHER_COURSE}`)).status).toBe(403);
		await setRole(FIXTURE_OTHER_INSTRUCTOR, 'instructor');
		expect((await otherTrainer.get(`/instructor/${FIXTURE_OTHER_COURSE}`)).status).toBe(200);
	});

	it('refuses an instructor of course B on course A, pages and CSVs alike, and lists only their courses', async () => {
		await setRole(FIXTURE_OTHER_INSTRUCTOR, 'instructor');
		for (const path of paths(FIXTURE_COURSE)) {
			const res = await otherTrainer.get(path);
			expect(res.status, path).toBe(403);
			expect(await res.text(), path).not.toContain('Karim Uddin');
		}
		const list = await (await otherTrainer.get('/instructor')).text();
		expect(list).toContain(`/instructor/${FIXTURE_OTHER_COURSE}`);
		expect(list).not.toContain(`/instructor/${FIXTURE_COURSE}"`);
		for (const path of paths(FIXTURE_OTHER_COURSE))
			expect((await trainer.get(path)).status, path).toBe(403);
	});

	it('lets admins read every course, and answers 404 for an unknown course', async () => {
		for (const path of [...paths(FIXTURE_COURSE), ...paths(FIXTURE_OTHER_COURSE)])
			expect((await admin.get(path)).status, path).toBe(200);
		expect((await admin.get('/instructor/no-such-course')).status).toBe(404);
		expect((await admin.get('/instructor/no-such-course/items.csv')).status).toBe(404);
	});
});
