/**
 * Signed-in lesson pages shared between learners in the same state (src/lib/server/http/
 * learner-pages.ts), as learners see them: each gets the page the app renders for them (their own
 * ids, their own progress, at once after a change), first visits are still recorded, a signed-out
 * session gets the visitor's page, and a lesson showing a learner's own quiz is never shared.
 * The shared answer is recognisable from outside: it is gzip even when the client also accepts
 * Brotli (the app's own rendering answers Brotli), so the tests can tell which path answered.
 */
import { and, eq } from 'drizzle-orm';
import { request } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enrolmentTable, lessonProgressTable, progressEventTable } from '../../db/schema.ts';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import type { Browser } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');
const dataDir = inject('dataDir');
const COURSE = 'getting-started';
const LESSON = `/courses/${COURSE}/plan-your-study-week`;
const QUIZ_LESSON = `/courses/${COURSE}/prove-your-skills`;
/** The completion form's action, as the page offers it. */
const MARK_COMPLETE = 'name="action" value="complete"';
const MARK_NOT_COMPLETE = 'name="action" value="uncomplete"';

interface Page {
	encoding: string | undefined;
	cacheControl: string | undefined;
	html: string;
}

/** The page as `browser`'s learner gets it, asking for Brotli or gzip as browsers do. */
function view(browser: Browser, path: string, origin = base): Promise<Page> {
	return new Promise((resolve, reject) => {
		const req = request(
			new URL(path, origin),
			{
				headers: {
					connection: 'close',
					cookie: browser.cookieHeader,
					'accept-encoding': 'br, gzip',
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const body = Buffer.concat(chunks);
					const encoding = res.headers['content-encoding'];
					const html = (
						encoding === 'gzip'
							? gunzipSync(body)
							: encoding === 'br'
								? brotliDecompressSync(body)
								: body
					).toString('utf8');
					resolve({ encoding, cacheControl: res.headers['cache-control'], html });
				});
			},
		);
		req.on('error', reject);
		req.end();
	});
}

const userIdOf = (html: string) => /data-user="([^"]+)"/.exec(html)?.[1];
/**
 * Element ids drawn at random per rendering (glossary pop-overs, checklists) made equal, and each
 * server's own address (in alternate links and og:url) made the same.
 */
const withoutRandomIds = (html: string) =>
	html
		.replace(/\b(gloss-[a-z0-9-]+?-|check-)[a-z0-9]{4,8}\b/g, '$1#')
		.replace(/http:\/\/(127\.0\.0\.1|localhost):\d+/g, 'ORIGIN');

let uncached: TestServer;
beforeAll(async () => {
	// A second server on the same database that renders every request: what the app itself says.
	uncached = await startServer({ dataDir, env: { PAGE_CACHE: 'off' } });
});
afterAll(async () => {
	await uncached?.stop();
});

describe('signed-in lesson pages shared by learners in the same state', () => {
	it('gives each learner the page the app renders for them, with their own ids', async () => {
		const first = await signUp(base, { name: 'First Sharer' });
		const second = await signUp(base, { name: 'Second Sharer' });
		const rendered = await view(first.browser, LESSON);
		const firstId = userIdOf(rendered.html)!;

		const shared = await view(second.browser, LESSON);
		expect(shared.encoding).toBe('gzip'); // answered from the shared rendering
		expect(shared.cacheControl).toBe('private, no-store');
		const secondId = userIdOf(shared.html)!;
		expect(secondId).toBeTruthy();
		expect(secondId).not.toBe(firstId);
		expect(shared.html).not.toContain(firstId);

		const fresh = await view(second.browser, LESSON, uncached.url);
		expect(fresh.encoding).toBe('br');
		expect(withoutRandomIds(shared.html)).toBe(withoutRandomIds(fresh.html));
	});

	it('shows a change of progress at once, to that learner only', async () => {
		const mover = await signUp(base, { name: 'Progress Mover' });
		const stayer = await signUp(base, { name: 'Progress Stayer' });
		await view(mover.browser, LESSON);
		await view(stayer.browser, LESSON);
		expect((await view(mover.browser, LESSON)).html).toContain(MARK_COMPLETE);

		const done = await mover.browser.postJson('/api/progress', {
			course: COURSE,
			lesson: 'plan-your-study-week',
			action: 'complete',
		});
		expect(done.status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const page = await view(mover.browser, LESSON);
			expect(page.html).toContain(MARK_NOT_COMPLETE);
			expect(withoutRandomIds(page.html)).toBe(
				withoutRandomIds((await view(mover.browser, LESSON, uncached.url)).html),
			);
		}
		const other = await view(stayer.browser, LESSON);
		expect(other.html).not.toContain(MARK_NOT_COMPLETE);
		expect(other.html).toContain(MARK_COMPLETE);
	});

	it('still records an enrolled learner’s first visit when their state’s page is shared', async () => {
		const earlier = await signUp(base, { name: 'Earlier Reader' });
		const later = await signUp(base, { name: 'Later Reader' });
		for (const { browser } of [earlier, later])
			expect((await browser.postForm(`/courses/${COURSE}`, { action: 'enrol' })).status).toBe(303);
		await view(earlier.browser, LESSON); // the visit is written (rendered)
		expect((await view(earlier.browser, LESSON)).encoding).toBe('gzip'); // a repeat: shared

		const laterId = userIdOf((await view(later.browser, LESSON)).html)!;
		const { db } = await getTestDb(dbUrl);
		const mine = and(
			eq(lessonProgressTable.userId, laterId),
			eq(lessonProgressTable.courseSlug, COURSE),
			eq(lessonProgressTable.lessonSlug, 'plan-your-study-week'),
		);
		const progress = await db.select().from(lessonProgressTable).where(mine).get();
		expect(progress?.firstVisitedAt).toBeInstanceOf(Date);
		const events = await db
			.select()
			.from(progressEventTable)
			.where(and(eq(progressEventTable.userId, laterId), eq(progressEventTable.kind, 'visit')));
		expect(events.map((e) => e.lessonSlug)).toContain('plan-your-study-week');
		const enrolment = await db
			.select()
			.from(enrolmentTable)
			.where(and(eq(enrolmentTable.userId, laterId), eq(enrolmentTable.courseSlug, COURSE)))
			.get();
		expect(enrolment?.lastLessonSlug).toBe('plan-your-study-week');
		// Now a repeat view of theirs is shared too.
		expect((await view(later.browser, LESSON)).encoding).toBe('gzip');
	});

	it('gives a signed-out session the visitor’s page', async () => {
		const leaver = await signUp(base, { name: 'Session Ender' });
		await view(leaver.browser, LESSON);
		const id = userIdOf((await view(leaver.browser, LESSON)).html)!;
		const cookie = leaver.browser.cookieHeader;
		expect((await leaver.browser.postForm('/logout', {})).status).toBe(303);
		const after = await new Promise<string>((resolve, reject) => {
			request(new URL(LESSON, base), { headers: { cookie, connection: 'close' } }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
			})
				.on('error', reject)
				.end();
		});
		expect(after).not.toContain(id);
		expect(after).not.toContain('action="/logout"');
		expect(after).toContain('href="/login');
	});

	it('never shares a lesson that shows the learner’s own quiz', async () => {
		const taker = await signUp(base, { name: 'Quiz Taker' });
		const watcher = await signUp(base, { name: 'Quiz Watcher' });
		const started = await taker.browser.postJson('/api/quiz/start', {
			course: COURSE,
			quiz: 'getting-started-check',
		});
		expect(started.status).toBe(201);
		await view(taker.browser, QUIZ_LESSON);
		const takerPage = await view(taker.browser, QUIZ_LESSON);
		expect(takerPage.encoding).toBe('br');
		const takerId = userIdOf(takerPage.html)!;
		const watcherPage = await view(watcher.browser, QUIZ_LESSON);
		expect(watcherPage.encoding).toBe('br');
		expect(watcherPage.html).not.toContain(takerId);
	});
});
