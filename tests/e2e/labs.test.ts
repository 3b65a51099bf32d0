/**
 * Labs in a real browser, one journey per kind: start, fail a rule, read the report, fix it in a
 * new attempt, pass; the proposal and calendar labs also without JavaScript; the inbox's template
 * filling with JavaScript; axe on the lab pages (workspace and report) at phone width.
 */
import type { Page } from '@playwright/test';
import type { CalendarLab, InboxLab, Lab, ProposalLab } from '../../src/lib/labs/schema.ts';
import { readLab } from '../helpers/lab-files.ts';
import { buildExpectedActions, buildGoodPlan } from '../helpers/lab-work.ts';
import { expectNoAxeViolations, expect, test } from './fixtures.ts';
import { signInLearner } from './quiz-helpers.ts';

const PROPOSAL = {
	course: 'client-communication',
	lesson: '/courses/client-communication/proposal-practice',
	lab: 'proposal-planted-instructions',
	title: 'Answer a job post that tests whether you read it',
};
const CALENDAR = {
	course: 'social-media-management',
	lesson: '/courses/social-media-management/calendar-practice',
	lab: 'calendar-tutoring-two-weeks',
	title: 'Plan two weeks of posts for a tutoring company',
};
const INBOX = {
	course: 'email-management',
	lesson: '/courses/email-management/inbox-practice',
	lab: 'inbox-studio-triage',
	title: 'Triage a Monday inbox for an architecture studio',
};

/** Starts (or starts again) the lab from its panel on the lesson page. */
async function startFromLesson(
	page: Page,
	ref: { lesson: string; title: string },
	button: 'Start the lab' | 'Start a new attempt' = 'Start the lab',
) {
	await page.goto(ref.lesson);
	await page.getByRole('region', { name: ref.title }).getByRole('button', { name: button }).click();
	await expect(page.getByRole('heading', { level: 1, name: ref.title })).toBeVisible();
}

/** The variant of a lab whose words the page shows (variants differ in their visible text). */
async function readShownVariant<T extends Lab>(
	page: Page,
	course: string,
	id: string,
	tell: (lab: T) => string,
): Promise<T> {
	const text = await page.locator('main').innerText();
	for (let v = 0; v < 5; v++) {
		const lab = readLab(course, id, v) as T;
		if (text.includes(tell(lab))) return lab;
	}
	throw new Error(`no variant of ${id} matches the page`);
}

const codeWordOf = (lab: ProposalLab) => /with the word (\w+)\./.exec(lab.proposal.post.body)![1]!;

async function writeAndSubmitProposal(page: Page, text: string) {
	await page.getByRole('textbox', { name: 'Your proposal' }).fill(text);
	await page.getByRole('button', { name: 'Submit for grading' }).click();
	await expect(page.getByRole('heading', { name: 'Your report' })).toBeVisible();
}

test('a learner fails the proposal lab on the planted instruction, fixes it and passes; the lesson is completed', async ({
	page,
	context,
}) => {
	await signInLearner(context);
	await startFromLesson(page, PROPOSAL);
	let lab = await readShownVariant<ProposalLab>(
		page,
		PROPOSAL.course,
		PROPOSAL.lab,
		(l) => `with the word ${codeWordOf(l)}.`,
	);
	await expectNoAxeViolations(page);
	// The model without its first word: everything right but the planted instruction.
	await writeAndSubmitProposal(page, lab.proposal.model.replace(`${codeWordOf(lab)}. `, ''));
	await expect(page.getByRole('status')).toContainText('You need 80% to pass.');
	const rule = page
		.locator('.lab-rule')
		.filter({ hasText: 'Starts with the word the client asked for' });
	await expect(rule).toContainText('Not met');
	await expect(rule).toContainText('This rule must be met to pass');
	await expect(
		page.locator('.lab-rule').filter({ hasText: 'Gives no contact details off the platform' }),
	).toContainText('Met');
	await expect(page.getByRole('heading', { name: 'A model proposal' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Start a new attempt' }).click();
	lab = await readShownVariant<ProposalLab>(
		page,
		PROPOSAL.course,
		PROPOSAL.lab,
		(l) => `with the word ${codeWordOf(l)}.`,
	);
	await writeAndSubmitProposal(page, lab.proposal.model);
	await expect(page.getByRole('status')).toHaveText('Score: 100%. You passed.');
	await expect(page.getByRole('heading', { name: 'A model proposal' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the lesson' }).click();
	await expect(page.getByText('You passed this lab. Best score: 100%')).toBeVisible();
	await expect(page.getByText('You completed this lesson.')).toBeVisible();
});

test('a learner plans a calendar that posts on the quiet day, fixes the plan and passes', async ({
	page,
	context,
}) => {
	await signInLearner(context);
	await startFromLesson(page, CALENDAR);
	const lab = await readShownVariant<CalendarLab>(
		page,
		CALENDAR.course,
		CALENDAR.lab,
		(l) =>
			`We take ${l.calendar.quietDays[0]![0]!.toUpperCase()}${l.calendar.quietDays[0]!.slice(1)}s off`,
	);
	await expectNoAxeViolations(page);
	const plan = buildGoodPlan(lab);
	await fillPlan(page, plan);
	// Move the first post to the quiet day.
	const quiet = page
		.getByLabel('Date')
		.first()
		.locator('option', { hasText: new RegExp(lab.calendar.quietDays[0]!, 'i') })
		.first();
	await page
		.getByLabel('Date')
		.first()
		.selectOption(await quiet.getAttribute('value'));
	await page.getByRole('button', { name: 'Submit for grading' }).click();
	const rule = page.locator('.lab-rule').filter({ hasText: 'No post on the client' });
	await expect(rule).toContainText('Partly met');
	await expect(rule).toContainText('Check post(s): 1');
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Start a new attempt' }).click();
	const again = await readShownVariant<CalendarLab>(
		page,
		CALENDAR.course,
		CALENDAR.lab,
		(l) =>
			`We take ${l.calendar.quietDays[0]![0]!.toUpperCase()}${l.calendar.quietDays[0]!.slice(1)}s off`,
	);
	await fillPlan(page, buildGoodPlan(again));
	await page.getByRole('button', { name: 'Submit for grading' }).click();
	await expect(page.getByRole('status')).toHaveText('Score: 100%. You passed.');
});

async function fillPlan(page: Page, plan: ReturnType<typeof buildGoodPlan>) {
	for (const [i, post] of plan.entries()) {
		const row = page.getByRole('group', { name: `Post ${i + 1}`, exact: true });
		await row.getByLabel('Date').selectOption(post.date);
		await row.getByLabel(/^Time/).fill(post.time);
		await row.getByLabel('Platform').selectOption(post.platform);
		await row.getByLabel('Content pillar').selectOption(post.pillar);
		await row.getByLabel('Post text').fill(post.text);
		if (post.image) await row.getByLabel('This post has an image').check();
		await row.getByLabel('Alt text for the image').fill(post.alt);
	}
}

test('a learner misses the phishing in the inbox, then triages it fully in the mail client with the keyboard and templates, and passes', async ({
	page,
	context,
}) => {
	test.setTimeout(240_000);
	await signInLearner(context);
	await startFromLesson(page, INBOX);
	await expect(page.locator('astro-island[component-url*="InboxIsland"]')).not.toHaveAttribute(
		'ssr',
	);
	await expectNoAxeViolations(page);
	// Submitting without acting on anything leaves every phishing message unreported.
	await page.getByRole('button', { name: 'Submit for grading' }).click();
	await expect(page.getByRole('status')).toContainText('You need 80% to pass.');
	await expect(
		page.locator('.lab-rule').filter({ hasText: 'Urgent favour, keep this quiet' }),
	).toContainText('Report it as phishing');
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Start a new attempt' }).click();
	await expect(page.locator('astro-island[component-url*="InboxIsland"]')).not.toHaveAttribute(
		'ssr',
	);
	const lab = await readShownVariant<InboxLab>(
		page,
		INBOX.course,
		INBOX.lab,
		(l) => l.inbox.messages.find((m) => m.id === 'print-invoice')!.fromName,
	);
	const list = page.getByRole('navigation', { name: 'Messages' });
	await expect(list.getByRole('button')).toHaveCount(lab.inbox.messages.length);
	await triage(page, lab, async (m) => {
		await list.getByRole('button', { name: m.subject }).focus();
		await page.keyboard.press('Enter');
		await expect(
			page.getByRole('heading', { level: 3, name: m.subject, exact: true }),
		).toBeFocused();
	});
	await expect(list.getByRole('button', { name: 'Urgent favour, keep this quiet' })).toContainText(
		'Reported as phishing',
	);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Submit for grading' }).click();
	await expect(page.getByRole('status')).toHaveText('Score: 100%. You passed.');
});

/** Handles every message of the inbox as the lab expects; `open` shows a message's actions. */
async function triage(
	page: Page,
	lab: InboxLab,
	open: (m: InboxLab['inbox']['messages'][number]) => Promise<void>,
) {
	const actions = buildExpectedActions(lab);
	for (const m of lab.inbox.messages) {
		const a = actions.get(m.id)!;
		await open(m);
		const form = page.getByRole('group', { name: `What you do with “${m.subject}”` });
		await form.getByLabel('Folder').selectOption(a.folder);
		await form.getByLabel('Reply', { exact: true }).selectOption(a.reply);
		if (a.flag) await form.getByLabel('Flag for follow-up').check();
		if (a.archive) await form.getByLabel('Archive').check();
		if (a.phishing) await form.getByLabel('Report as phishing').check();
		const box = form.getByLabel(/^Reply text/);
		if (a.reply !== 'none' && a.reply !== 'forward') {
			if (
				await page.evaluate(
					() =>
						document.querySelector('astro-island[component-url*="InboxIsland"]:not([ssr])') !==
						null,
				)
			)
				await expect(box).toHaveValue(/^Hi \[name\],/);
			await box.fill(a.replyText);
		}
		if (a.meeting) await form.getByLabel(/^Proposed meeting time/).fill(a.meeting);
	}
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the proposal lab is a form: start, submit, and read the report', async ({
		page,
		context,
	}) => {
		await signInLearner(context);
		await startFromLesson(page, PROPOSAL);
		const lab = await readShownVariant<ProposalLab>(
			page,
			PROPOSAL.course,
			PROPOSAL.lab,
			(l) => `with the word ${codeWordOf(l)}.`,
		);
		await writeAndSubmitProposal(page, lab.proposal.model);
		await expect(page.getByRole('status')).toHaveText('Score: 100%. You passed.');
	});

	test('the inbox lab is a form of disclosures: every message triaged and graded without JavaScript', async ({
		page,
		context,
	}) => {
		test.setTimeout(240_000);
		await signInLearner(context);
		await startFromLesson(page, INBOX);
		const lab = await readShownVariant<InboxLab>(
			page,
			INBOX.course,
			INBOX.lab,
			(l) => l.inbox.messages.find((m) => m.id === 'print-invoice')!.fromName,
		);
		await triage(page, lab, async (m) => {
			await page.locator(`#msg-${m.id} > summary`).click();
		});
		await page.getByRole('button', { name: 'Submit for grading' }).click();
		await expect(page.getByRole('status')).toHaveText('Score: 100%. You passed.');
	});

	test('the calendar lab is a form: a plan is graded without JavaScript', async ({
		page,
		context,
	}) => {
		await signInLearner(context);
		await startFromLesson(page, CALENDAR);
		const lab = await readShownVariant<CalendarLab>(
			page,
			CALENDAR.course,
			CALENDAR.lab,
			(l) =>
				`We take ${l.calendar.quietDays[0]![0]!.toUpperCase()}${l.calendar.quietDays[0]!.slice(1)}s off`,
		);
		await fillPlan(page, buildGoodPlan(lab));
		await page.getByRole('button', { name: 'Submit for grading' }).click();
		await expect(page.getByRole('status')).toHaveText('Score: 100%. You passed.');
	});
});
