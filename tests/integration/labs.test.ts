/**
 * The lab engine over HTTP against the production build: starting and submitting attempts of
 * every lab kind through the plain forms, the per-rule report and the reveal settings, a pass
 * completing the lesson, every refusal (each checked in the database to have changed nothing),
 * and the leak scan of every lab page before submitting.
 *
 * Needs the fixture course tests/fixtures/courses/lab-fixture in the test build (attempt limit,
 * cool-down, reveal: after-passing and never).
 */
import { describe, expect, inject, it } from 'vitest';
import type { CalendarLab, InboxLab, Lab, ProposalLab } from '../../src/lib/labs/schema.ts';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';
import { readLab } from '../helpers/lab-files.ts';
import {
	buildExpectedActions,
	buildGoodPlan,
	toCalendarFields,
	toInboxFields,
} from '../helpers/lab-work.ts';
import { findLabLeaks, getIslandProps } from '../helpers/leak-scan.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');

const LABS = {
	planted: {
		course: 'client-communication',
		lesson: 'proposal-practice',
		lab: 'proposal-planted-instructions',
	},
	firstName: {
		course: 'client-communication',
		lesson: 'proposal-practice',
		lab: 'proposal-first-name',
	},
	calendar: {
		course: 'social-media-management',
		lesson: 'calendar-practice',
		lab: 'calendar-tutoring-two-weeks',
	},
	triage: { course: 'email-management', lesson: 'inbox-practice', lab: 'inbox-studio-triage' },
	scams: { course: 'email-management', lesson: 'inbox-practice', lab: 'inbox-scam-week' },
	limited: { course: 'lab-fixture', lesson: 'limited', lab: 'limited-lab' },
	cooldown: { course: 'lab-fixture', lesson: 'cooldown', lab: 'cooldown-lab' },
};
type Ref = (typeof LABS)[keyof typeof LABS];
const pathOf = (ref: Ref) => `/courses/${ref.course}/${ref.lesson}/lab/${ref.lab}`;

async function sql(query: string, ...args: (string | number | null)[]) {
	const { client } = await getTestDb(dbUrl);
	return (await client.execute({ sql: query, args })).rows;
}
const userId = async (email: string) =>
	String((await sql('select id from user where email = ?', email))[0]!.id);

/** Everything the database holds about a learner's attempts at a lab. */
async function snapshot(uid: string, lab: string) {
	const attempts = await sql(
		'select id, submitted_at, score, passed, submission, report from lab_attempt where user_id = ? and lab_id = ? order by started_at, id',
		uid,
		lab,
	);
	const results = await sql(
		'select r.* from lab_rule_result r join lab_attempt a on a.id = r.attempt_id where a.user_id = ? and a.lab_id = ? order by r.attempt_id, r.rule_id',
		uid,
		lab,
	);
	return JSON.stringify({ attempts, results });
}

/** Starts an attempt through the form; returns its id and the lab as its variant shows it. */
async function start(browser: Browser, ref: Ref, uid: string): Promise<{ id: string; lab: Lab }> {
	const res = await browser.postForm(pathOf(ref), { intent: 'start' });
	expect(res.status).toBe(303);
	const [row] = await sql(
		'select id, variant from lab_attempt where user_id = ? and lab_id = ? and submitted_at is null',
		uid,
		ref.lab,
	);
	return { id: String(row!.id), lab: readLab(ref.course, ref.lab, Number(row!.variant)) };
}

const submit = (browser: Browser, ref: Ref, attempt: string, fields: Record<string, string>) =>
	browser.postForm(pathOf(ref), { intent: 'submit', attempt, ...fields });

async function learner() {
	const { browser, email } = await signUp(base);
	return { browser, uid: await userId(email) };
}

describe('starting a lab', () => {
	it('invites a visitor to sign in and shows no start button', async () => {
		const html = await (
			await new Browser(base).get(`/courses/${LABS.planted.course}/${LABS.planted.lesson}`)
		).text();
		expect(html).toContain('Sign in to do this lab.');
		expect(html).not.toContain('name="intent" value="start"');
	});
	it('starts one attempt with a variant, enrols the learner, and resumes it on a second start', async () => {
		const { browser, uid } = await learner();
		const first = await start(browser, LABS.planted, uid);
		expect((await browser.postForm(pathOf(LABS.planted), { intent: 'start' })).status).toBe(303);
		expect(await sql('select count(*) as n from lab_attempt where user_id = ?', uid)).toEqual([
			{ n: 1 },
		]);
		expect(
			await sql(
				'select left_at from enrolment where user_id = ? and course_slug = ?',
				uid,
				LABS.planted.course,
			),
		).toEqual([expect.objectContaining({ left_at: null })]);
		const html = await (await browser.get(pathOf(LABS.planted))).text();
		expect(html).toContain(
			`start your proposal with the word ${(first.lab as ProposalLab).proposal.post.body.match(/word (\w+)\./)![1]}`,
		);
	});
	it('sends a visitor who posts a start to the sign-in page, creating nothing', async () => {
		const before = await sql('select count(*) as n from lab_attempt');
		const res = await new Browser(base).postForm(pathOf(LABS.planted), { intent: 'start' });
		expect([302, 303]).toContain(res.status);
		expect(res.headers.get('location')).toContain('/login');
		expect(await sql('select count(*) as n from lab_attempt')).toEqual(before);
	});
	it('answers 404 for an unknown lab or a lab under the wrong lesson', async () => {
		const { browser } = await learner();
		expect(
			(await browser.get('/courses/client-communication/proposal-practice/lab/no-such-lab')).status,
		).toBe(404);
		expect(
			(await browser.get('/courses/client-communication/what-a-va-does/lab/proposal-first-name'))
				.status,
		).toBe(404);
	});
});

describe('the proposal lab', () => {
	it('reports each rule of a generic proposal as not met, with hints, and completes nothing', async () => {
		const { browser, uid } = await learner();
		const { id } = await start(browser, LABS.planted, uid);
		const res = await submit(browser, LABS.planted, id, {
			proposal: 'Dear Sir/Madam, I am interested in your job. WhatsApp me on +8801712345678.',
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`${pathOf(LABS.planted)}?attempt=${id}`);
		const html = await (await browser.get(res.headers.get('location')!)).text();
		expect(html).toContain('Score: 10%. You need 80% to pass.');
		expect(html).toContain('Makes no empty claims</strong></p><p>✓ Met');
		expect(html).toContain('Starts with the word the client asked for');
		expect(html).toContain('Found contact details: phone, whatsapp');
		expect(html).toContain('Clients plant such instructions to see who read to the end.');
		expect(html).not.toContain('A model proposal');
		expect(await sql('select count(*) as n from lab_rule_result where attempt_id = ?', id)).toEqual(
			[{ n: 8 }],
		);
		expect(
			await sql(
				'select completed_at from lesson_progress where user_id = ? and lesson_slug = ?',
				uid,
				LABS.planted.lesson,
			),
		).toEqual([]);
	});
	it('passes the model proposal, completes the lesson and then shows the model', async () => {
		const { browser, uid } = await learner();
		const { id, lab } = await start(browser, LABS.planted, uid);
		const model = (lab as ProposalLab).proposal.model;
		const html = await (
			await browser.get(
				(await submit(browser, LABS.planted, id, { proposal: model })).headers.get('location')!,
			)
		).text();
		expect(html).toContain('Score: 100%.');
		expect(html).toContain('You passed.');
		expect(html).toContain('A model proposal');
		const [row] = await sql('select passed, score from lab_attempt where id = ?', id);
		expect(row).toEqual(expect.objectContaining({ passed: 1, score: 100 }));
		expect(
			(
				await sql(
					'select completed_at from lesson_progress where user_id = ? and lesson_slug = ?',
					uid,
					LABS.planted.lesson,
				)
			)[0]!.completed_at,
		).not.toBeNull();
	});
});

describe('a lab in Bengali', () => {
	it('shows the translated post and accepts an answer with Bengali keywords, graded by the English rules', async () => {
		const { browser, uid } = await learner();
		const path = `/bn${pathOf(LABS.planted)}`;
		expect((await browser.postForm(path, { intent: 'start' })).status).toBe(303);
		const [row] = await sql('select id, variant, locale from lab_attempt where user_id = ?', uid);
		expect(row!.locale).toBe('bn');
		const html = await (await browser.get(path)).text();
		expect(html).toContain('অর্ডার ইমেইল ও সাপ্তাহিক বিক্রির শিটের জন্য খণ্ডকালীন VA');
		expect(html).toContain('মূল্যায়নের জন্য জমা দিন');
		const lab = readLab(LABS.planted.course, LABS.planted.lab, Number(row!.variant)) as ProposalLab;
		const word = /with the word (\w+)\./.exec(lab.proposal.post.body)![1];
		const res = await browser.postForm(path, {
			intent: 'submit',
			attempt: String(row!.id),
			proposal: `${word}. আমার টাইম জোন GMT+6; যুক্তরাজ্যের সময়ে দুপুর ২টা থেকে ৬টা পর্যন্ত কাজ করতে পারি।`,
		});
		expect(res.headers.get('location')).toBe(`${path}?attempt=${row!.id}`);
		const report = await (await browser.get(res.headers.get('location')!)).text();
		expect(report).toMatch(
			/আপনার টাইম জোন এবং যুক্তরাজ্যের সময়ে কাজের ঘণ্টা জানানো<\/strong><\/p><p>✓ পূরণ হয়েছে/,
		);
		expect(report).toMatch(/ক্লায়েন্ট যে শব্দ চেয়েছেন, তা দিয়েই শুরু<\/strong><\/p><p>✓ পূরণ হয়েছে/);
	});
});

describe('the calendar lab', () => {
	it('fails the quiet-day rule for a post on the quiet day, then passes a plan that follows the brief', async () => {
		const { browser, uid } = await learner();
		const first = await start(browser, LABS.calendar, uid);
		const lab = first.lab as CalendarLab;
		const plan = buildGoodPlan(lab);
		const quietDate = (await import('../../src/lib/labs/calendar.ts'))
			.getPlanDates(lab)
			.find(
				(d) =>
					new Date(`${d}T00:00:00Z`).getUTCDay() ===
					(lab.calendar.quietDays[0] === 'sunday' ? 0 : 6),
			)!;
		const bad = plan.map((p, i) => (i === 0 ? { ...p, date: quietDate } : p));
		let html = await (
			await browser.get(
				(await submit(browser, LABS.calendar, first.id, toCalendarFields(bad))).headers.get(
					'location',
				)!,
			)
		).text();
		expect(html).toMatch(
			/No post on the client&#39;s quiet days|No post on the client's quiet days/,
		);
		expect(html).toContain('Check post(s): 1');
		const second = await start(browser, LABS.calendar, uid);
		html = await (
			await browser.get(
				(
					await submit(
						browser,
						LABS.calendar,
						second.id,
						toCalendarFields(buildGoodPlan(second.lab as CalendarLab)),
					)
				).headers.get('location')!,
			)
		).text();
		expect(html).toContain('Score: 100%.');
		expect(await sql('select passed from lab_attempt where id = ?', second.id)).toEqual([
			{ passed: 1 },
		]);
	});
});

describe('the inbox labs', () => {
	for (const ref of [LABS.triage, LABS.scams]) {
		it(`${ref.lab}: passes with the expected actions and reports every message`, async () => {
			const { browser, uid } = await learner();
			const { id, lab } = await start(browser, ref, uid);
			const html = await (
				await browser.get(
					(
						await submit(browser, ref, id, toInboxFields(buildExpectedActions(lab as InboxLab)))
					).headers.get('location')!,
				)
			).text();
			expect(html).toContain('Score: 100%.');
			expect(html).toContain('Message by message');
			expect(
				await sql('select count(*) as n from lab_rule_result where attempt_id = ?', id),
			).toEqual([{ n: (lab as InboxLab).inbox.messages.length }]);
		});
	}
	it('shows the messages in a different order in a new attempt', async () => {
		const { browser, uid } = await learner();
		const order = async () =>
			[
				...(await (await browser.get(pathOf(LABS.triage))).text()).matchAll(
					/id="msg-([a-z0-9-]+)"/g,
				),
			].map((m) => m[1]);
		const first = await start(browser, LABS.triage, uid);
		const a = await order();
		await submit(browser, LABS.triage, first.id, {});
		await start(browser, LABS.triage, uid);
		const b = await order();
		expect(a.length).toBe(22);
		expect(b).not.toEqual(a);
	});
});

describe('reveal settings and attempt rules', () => {
	it('after-passing: hides hints after a failed attempt; stops at the attempt limit with 403, having started nothing', async () => {
		const { browser, uid } = await learner();
		const one = await start(browser, LABS.limited, uid);
		const html = await (
			await browser.get(
				(await submit(browser, LABS.limited, one.id, { proposal: 'Hello' })).headers.get(
					'location',
				)!,
			)
		).text();
		expect(html).toContain('Not met');
		expect(html).not.toContain('SECRET-HINT-LIMITED');
		expect(html).toContain('only after you pass');
		const two = await start(browser, LABS.limited, uid);
		await submit(browser, LABS.limited, two.id, { proposal: 'Hello' });
		const before = await snapshot(uid, LABS.limited.lab);
		const third = await browser.postForm(pathOf(LABS.limited), { intent: 'start' });
		expect(third.status).toBe(403);
		expect(await third.text()).toContain('You have used all 2 attempts at this lab.');
		expect(await snapshot(uid, LABS.limited.lab)).toBe(before);
	});
	it('never: shows no hint, and enforces the cool-down with 429', async () => {
		const { browser, uid } = await learner();
		const { id } = await start(browser, LABS.cooldown, uid);
		const html = await (
			await browser.get(
				(await submit(browser, LABS.cooldown, id, { proposal: 'Hello' })).headers.get('location')!,
			)
		).text();
		expect(html).not.toContain('SECRET-HINT-COOLDOWN');
		expect(html).not.toContain('MODEL-COOLDOWN');
		const before = await snapshot(uid, LABS.cooldown.lab);
		const again = await browser.postForm(pathOf(LABS.cooldown), { intent: 'start' });
		expect(again.status).toBe(429);
		expect(await again.text()).toContain('You can start another attempt in 60 min.');
		expect(await snapshot(uid, LABS.cooldown.lab)).toBe(before);
	});
});

describe('refused submissions change nothing', () => {
	it('refuses a second submission (409), someone else’s attempt (403), malformed work (400) and an oversized body (413)', async () => {
		const { browser, uid } = await learner();
		const { id } = await start(browser, LABS.firstName, uid);
		const open = await snapshot(uid, LABS.firstName.lab);
		const other = await learner();
		const notYours = await submit(other.browser, LABS.firstName, id, { proposal: 'Hi' });
		expect(notYours.status).toBe(403);
		expect(await notYours.text()).toContain('This attempt belongs to another learner.');
		const malformed: Record<string, string>[] = [
			{ proposal: 'Hi', colour: 'red' },
			{ essay: 'Hi' },
			{ proposal: 'x'.repeat(12_001) },
		];
		for (const fields of malformed) {
			const res = await submit(browser, LABS.firstName, id, fields);
			expect(res.status, Object.keys(fields).join()).toBe(400);
			expect(await res.text()).toContain('Your work could not be read.');
		}
		const huge = await submit(browser, LABS.firstName, id, { proposal: 'y'.repeat(600_000) });
		expect(huge.status).toBe(413);
		const badIntent = await browser.postForm(pathOf(LABS.firstName), { intent: 'grade-me' });
		expect(badIntent.status).toBe(400);
		const notForm = await browser.request(pathOf(LABS.firstName), {
			method: 'POST',
			body: '{"intent":"start"}',
			headers: { 'content-type': 'application/json' },
		});
		expect(notForm.status).toBeGreaterThanOrEqual(400);
		expect(notForm.status).toBeLessThan(500);
		expect(await snapshot(uid, LABS.firstName.lab)).toBe(open);
		expect((await submit(browser, LABS.firstName, id, { proposal: 'Hi' })).status).toBe(303);
		const done = await snapshot(uid, LABS.firstName.lab);
		const twice = await submit(browser, LABS.firstName, id, { proposal: 'Hi again' });
		expect(twice.status).toBe(409);
		expect(await snapshot(uid, LABS.firstName.lab)).toBe(done);
	});
	it('refuses a cross-site submission', async () => {
		const { browser, uid } = await learner();
		const { id } = await start(browser, LABS.firstName, uid);
		const res = await browser.postForm(
			pathOf(LABS.firstName),
			{ intent: 'submit', attempt: id, proposal: 'Hi' },
			{ origin: 'https://evil.example' },
		);
		expect(res.status).toBe(403);
		expect(await sql('select submitted_at from lab_attempt where id = ?', id)).toEqual([
			{ submitted_at: null },
		]);
	});
});

describe('the certificate rule', () => {
	it('lists a required lab as still to do, and issues the certificate only once the lab is passed', async () => {
		const { browser, uid } = await learner();
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
		expect(await sql('select count(*) as n from certificate where user_id = ?', uid)).toEqual([
			{ n: 0 },
		]);
		expect(await (await browser.get('/courses/lab-fixture')).text()).toContain(
			'Work simulation in “Two attempts only”',
		);
		const { id, lab } = await start(browser, LABS.limited, uid);
		await submit(browser, LABS.limited, id, { proposal: (lab as ProposalLab).proposal.model });
		expect(await sql('select passed from lab_attempt where id = ?', id)).toEqual([{ passed: 1 }]);
		expect(
			await sql(
				'select count(*) as n from certificate where user_id = ? and course_slug = ?',
				uid,
				'lab-fixture',
			),
		).toEqual([{ n: 1 }]);
	});
});

describe('instructor analytics', () => {
	it('shows each rule of a lab with how many attempts met it', async () => {
		const { browser, uid } = await learner();
		const first = await start(browser, LABS.cooldown, uid);
		await submit(browser, LABS.cooldown, first.id, { proposal: 'Hello' });
		const admin = await learner();
		await sql("update user set role = 'admin' where id = ?", admin.uid);
		const html = await (await admin.browser.get('/instructor/lab-fixture')).text();
		expect(html).toContain('Labs: rule by rule');
		const [row] = await sql(
			"select count(*) as n, sum(case when r.credit >= 1 then 1 else 0 end) as met from lab_rule_result r join lab_attempt a on a.id = r.attempt_id where a.lab_id = 'cooldown-lab'",
		);
		const share = Math.round((Number(row!.met) / Number(row!.n)) * 100);
		const table = html.slice(html.indexOf('Wait between tries · '));
		expect(table).toMatch(
			new RegExp(`States a time zone</th><td[^>]*>${row!.n}</td><td[^>]*>${share}%</td>`),
		);
	});
});

describe('leak scan', () => {
	for (const ref of Object.values(LABS)) {
		it(`${ref.lab}: the lesson and the open attempt's page give nothing away`, async () => {
			const { browser, uid } = await learner();
			const lessonHtml = await (await browser.get(`/courses/${ref.course}/${ref.lesson}`)).text();
			const { lab } = await start(browser, ref, uid);
			const html = await (await browser.get(pathOf(ref))).text();
			const scripts = await Promise.all(
				[
					...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
					...html.matchAll(/component-url="([^"]+)"/g),
				].map(async (m) => ({ name: m[1]!, source: await (await browser.get(m[1]!)).text() })),
			);
			expect(
				findLabLeaks(ref.lab, lab, {
					html: [lessonHtml, html],
					json: getIslandProps(html),
					scripts,
				}),
			).toEqual([]);
		});
	}
});
