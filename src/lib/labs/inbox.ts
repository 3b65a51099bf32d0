/**
 * Grading an inbox triage, message by message, with partial credit. Pure.
 *
 * For each message the author's `expect` lists what is graded (folder, flag, archive, reply or
 * forward, words the edited reply must contain, a meeting time in the client's zone). A phishing
 * message is worth three times as much by default and earns credit only when it is reported and
 * neither answered nor forwarded; reporting a genuine message as phishing loses that message's
 * "not phishing" check.
 */
import type { Translate } from '../i18n.ts';
import type { InboxLab, InboxMessage } from './schema.ts';
import { findKeyword } from './text.ts';
import { summariseRules, type LabGrade, type RuleResult } from './types.ts';

/** What the learner did with one message. */
export interface MessageAction {
	folder: string;
	flag: boolean;
	archive: boolean;
	phishing: boolean;
	/** `none`, `forward` or a template id. */
	reply: string;
	replyText: string;
	/** `YYYY-MM-DDTHH:MM` in the client's zone, or empty. */
	meeting: string;
}

/** Most characters accepted in one edited reply. */
export const MAX_REPLY_CHARS = 4000;

/** The default action: left in the inbox, nothing done. */
export const NO_ACTION: MessageAction = {
	folder: 'inbox',
	flag: false,
	archive: false,
	phishing: false,
	reply: 'none',
	replyText: '',
	meeting: '',
};

/** Default weight of a phishing message. */
export const PHISHING_POINTS = 3;

function describeReply(lab: InboxLab, reply: string, t: Translate): string {
	if (reply === 'forward') return t('lab.inbox.forward');
	if (reply === 'none') return t('lab.inbox.noReply');
	return lab.inbox.templates.find((x) => x.id === reply)?.label ?? reply;
}

function gradeMessage(lab: InboxLab, m: InboxMessage, a: MessageAction, t: Translate): RuleResult {
	const e = m.expect;
	const checks: { ok: boolean; expected: string }[] = [];
	const folderLabel = (id: string) =>
		id === 'inbox'
			? t('lab.inbox.folderInbox')
			: (lab.inbox.folders.find((f) => f.id === id)?.label ?? id);
	if (e.phishing) {
		checks.push({ ok: a.phishing, expected: t('lab.inbox.expectReport') });
		checks.push({ ok: a.reply === 'none', expected: t('lab.inbox.expectNoAnswer') });
		// Reporting is worth nothing if the learner also answered or forwarded it.
		if (a.reply !== 'none') checks[0]!.ok = false;
	} else {
		checks.push({ ok: !a.phishing, expected: t('lab.inbox.expectGenuine') });
		if (e.folder !== undefined)
			checks.push({
				ok: a.folder === e.folder,
				expected: t('lab.inbox.expectFolder', { folder: folderLabel(e.folder) }),
			});
		if (e.flag !== undefined)
			checks.push({
				ok: a.flag === e.flag,
				expected: e.flag ? t('lab.inbox.expectFlag') : t('lab.inbox.expectNoFlag'),
			});
		if (e.archive !== undefined)
			checks.push({
				ok: a.archive === e.archive,
				expected: e.archive ? t('lab.inbox.expectArchive') : t('lab.inbox.expectKeep'),
			});
		if (e.reply !== undefined) {
			const replyOk = a.reply === e.reply;
			checks.push({
				ok: replyOk,
				expected: t('lab.inbox.expectReply', { reply: describeReply(lab, e.reply, t) }),
			});
			if (e.replyMentions.length > 0 && e.reply !== 'none' && e.reply !== 'forward') {
				const met =
					replyOk && e.replyMentions.every((g) => findKeyword(a.replyText, g) !== undefined);
				checks.push({
					ok: met,
					expected: t('lab.inbox.expectMentions', {
						words: e.replyMentions.map((g) => g[0]).join(', '),
					}),
				});
			}
		}
		if (e.meeting !== undefined)
			checks.push({
				ok: e.meeting.includes(a.meeting),
				expected: t('lab.inbox.expectMeeting', {
					times: e.meeting.map((s) => s.replace('T', ' ')).join(' / '),
					zone: lab.inbox.client.timeZone,
				}),
			});
	}
	const passedChecks = checks.filter((c) => c.ok).length;
	const credit = e.phishing ? (checks.every((c) => c.ok) ? 1 : 0) : passedChecks / checks.length;
	return {
		id: m.id,
		label: `${m.fromName}: ${m.subject}`,
		credit: Math.round(credit * 1000) / 1000,
		points: m.points ?? (e.phishing ? PHISHING_POINTS : 1),
		passed: credit >= 1,
		critical: false,
		found: t('lab.inbox.foundChecks', {
			met: e.phishing ? (credit >= 1 ? checks.length : 0) : passedChecks,
			total: checks.length,
		}),
		expected: [
			...checks.filter((c) => !c.ok).map((c) => c.expected),
			...(m.explanation ? [m.explanation] : []),
		],
	};
}

/** Grades the learner's actions (by message id; a message not acted on counts as left alone). */
export function gradeInbox(
	lab: InboxLab,
	actions: Map<string, MessageAction>,
	passMark: number,
	t: Translate,
): LabGrade {
	return summariseRules(
		lab.inbox.messages.map((m) => gradeMessage(lab, m, actions.get(m.id) ?? NO_ACTION, t)),
		passMark,
	);
}
