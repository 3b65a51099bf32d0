/**
 * Inbox labs: per-message grading with partial credit (folder, flag, archive, reply template and
 * its words, forward, meeting time), phishing weighted most, strict form reading, and the
 * course's inbox labs passable with the expected actions.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/lib/i18n.ts';
import {
	gradeInbox,
	NO_ACTION,
	PHISHING_POINTS,
	type MessageAction,
} from '../../src/lib/labs/inbox.ts';
import { toPublicLab } from '../../src/lib/labs/public.ts';
import type { InboxLab } from '../../src/lib/labs/schema.ts';
import { parseLabForm } from '../../src/lib/labs/submission.ts';
import { readLab } from '../helpers/lab-files.ts';
import { buildExpectedActions } from '../helpers/lab-work.ts';

const t = createTranslator('en');
const lab = readLab('email-management', 'inbox-studio-triage', 0) as InboxLab;
const result = (actions: Map<string, MessageAction>, id: string) =>
	gradeInbox(lab, actions, 80, t).rules.find((r) => r.id === id)!;
const withAction = (id: string, change: Partial<MessageAction>) => {
	const actions = buildExpectedActions(lab);
	actions.set(id, { ...actions.get(id)!, ...change });
	return actions;
};

describe('gradeInbox', () => {
	it('gives full marks when every message is handled as expected', () => {
		const graded = gradeInbox(lab, buildExpectedActions(lab), 80, t);
		expect(graded.rules.filter((r) => !r.passed).map((r) => r.id)).toEqual([]);
		expect(graded.score).toBe(100);
	});
	it('gives partial credit when a message is filed right but not flagged', () => {
		const r = result(withAction('floor-plan-deadline', { flag: false }), 'floor-plan-deadline');
		expect(r.passed).toBe(false);
		expect(r.credit).toBeGreaterThan(0.5);
		expect(r.expected).toContain('Flag it for follow-up');
	});
	it('fails the reply check when the edited reply leaves out the words the message needs', () => {
		const r = result(
			withAction('floor-plan-deadline', { replyText: 'Hi Sarah, thanks, Daniel will reply soon.' }),
			'floor-plan-deadline',
		);
		expect(r.passed).toBe(false);
	});
	it('fails a forward-to-client message answered with a template', () => {
		expect(
			result(
				withAction('complaint-address', { reply: 'acknowledge', replyText: 'Hi Hannah, noted.' }),
				'complaint-address',
			).passed,
		).toBe(false);
	});
	it('accepts only a meeting time that fits in the client zone', () => {
		expect(
			result(
				withAction('site-visit-new-york', { meeting: '2027-02-09T15:00' }),
				'site-visit-new-york',
			).passed,
		).toBe(false);
		expect(
			result(
				withAction('site-visit-new-york', { meeting: '2027-02-09T16:00' }),
				'site-visit-new-york',
			).passed,
		).toBe(true);
	});
	it('gives nothing for a phishing message that is not reported, and weighs it three times', () => {
		const r = result(withAction('gift-card-ceo', { phishing: false }), 'gift-card-ceo');
		expect(r.credit).toBe(0);
		expect(r.points).toBe(PHISHING_POINTS);
	});
	it('gives nothing for a phishing message that is reported but also answered', () => {
		expect(
			result(withAction('password-expiry', { phishing: true, reply: 'forward' }), 'password-expiry')
				.credit,
		).toBe(0);
	});
	it('takes credit away for reporting a genuine message as phishing', () => {
		expect(result(withAction('courier-real', { phishing: true }), 'courier-real').passed).toBe(
			false,
		);
	});
	it('fails the lab when every phishing message is missed, even with everything else right', () => {
		const actions = buildExpectedActions(lab);
		for (const m of lab.inbox.messages) if (m.expect.phishing) actions.set(m.id, NO_ACTION);
		expect(gradeInbox(lab, actions, 80, t).passed).toBe(false);
	});
	it('every variant of both course inbox labs can be passed', () => {
		for (const id of ['inbox-studio-triage', 'inbox-scam-week']) {
			for (const v of [0, 1]) {
				const variant = readLab('email-management', id, v) as InboxLab;
				expect(
					gradeInbox(variant, buildExpectedActions(variant), 80, t).score,
					`${id} variant ${v}`,
				).toBe(100);
			}
		}
	});
});

describe('toPublicLab (inbox)', () => {
	it('orders messages by the attempt seed and leaves out expected actions and explanations', () => {
		const a = toPublicLab(lab, 'seed-one');
		const b = toPublicLab(lab, 'seed-two');
		if (a.kind !== 'inbox' || b.kind !== 'inbox') throw new Error('not an inbox');
		expect(a.messages.map((m) => m.id)).not.toEqual(b.messages.map((m) => m.id));
		expect(a.messages.map((m) => m.id).sort()).toEqual(lab.inbox.messages.map((m) => m.id).sort());
		const json = JSON.stringify(a);
		expect(json).not.toContain('"expect"');
		expect(json).not.toContain('explanation');
	});
});

describe('parseLabForm (inbox)', () => {
	const parse = (fields: Record<string, string>) =>
		parseLabForm(lab, new Map(Object.entries(fields).map(([k, v]) => [k, [v]])));
	it('reads actions by message', () => {
		const parsed = parse({
			'folder:gift-card-ceo': 'inbox',
			'phishing:gift-card-ceo': 'on',
			'reply:new-brief': 'acknowledge',
			'text:new-brief': 'Hi Tom, by 19 February.',
		});
		expect(
			parsed.ok && parsed.work.kind === 'inbox' && parsed.work.actions['gift-card-ceo']!.phishing,
		).toBe(true);
	});
	it('refuses an unknown message, folder, template or a malformed meeting time', () => {
		const cases: Record<string, string>[] = [
			{ 'folder:nope': 'inbox' },
			{ 'folder:new-brief': 'spam' },
			{ 'reply:new-brief': 'shout' },
			{ 'meeting:dubai-call': 'Wednesday' },
			{ 'flag:new-brief': 'yes' },
		];
		for (const fields of cases) {
			expect(parse(fields).ok, JSON.stringify(fields)).toBe(false);
		}
	});
});
