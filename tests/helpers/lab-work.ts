/**
 * Building lab work in tests: a calendar plan that meets every rule of a calendar lab, and the
 * form fields a browser would post for it.
 */
import { getPlanDates, getWeekday, type PlannedPost } from '../../src/lib/labs/calendar.ts';
import type { MessageAction } from '../../src/lib/labs/inbox.ts';
import type { CalendarLab, InboxLab } from '../../src/lib/labs/schema.ts';

/** A plan that meets every rule: pillar minimums, spread over the allowed days, image posts with alt text. */
export function buildGoodPlan(lab: CalendarLab): PlannedPost[] {
	const c = lab.calendar;
	const quiet = new Set<string>(c.quietDays);
	const days = getPlanDates(lab).filter((d) => !quiet.has(getWeekday(d)));
	const pillars = c.pillars.flatMap((p) => Array.from({ length: Math.max(p.min, 1) }, () => p.id));
	while (pillars.length < c.posts.min) pillars.push(c.pillars.find((p) => p.max === undefined)!.id);
	return pillars.slice(0, c.posts.max).map((pillar, i) => ({
		date: days[i % days.length]!,
		time: c.hours.from,
		platform: c.platforms[i % c.platforms.length]!,
		pillar,
		text: `Post ${i + 1}: a short, useful update for our followers. #study`,
		image: i % 2 === 0,
		alt: i % 2 === 0 ? 'A tutor explains fractions on a whiteboard to a pupil.' : '',
	}));
}

/** Form fields for a calendar plan (row by row), as the no-JavaScript form posts them. */
export function toCalendarFields(posts: PlannedPost[]): Record<string, string> {
	const fields: Record<string, string> = {};
	posts.forEach((p, i) => {
		Object.assign(fields, {
			[`date-${i}`]: p.date,
			[`time-${i}`]: p.time,
			[`platform-${i}`]: p.platform,
			[`pillar-${i}`]: p.pillar,
			[`text-${i}`]: p.text,
			[`alt-${i}`]: p.alt,
		});
		if (p.image) fields[`image-${i}`] = 'on';
	});
	return fields;
}

/** The actions an inbox lab expects, message by message (replies edited to contain the words needed). */
export function buildExpectedActions(lab: InboxLab): Map<string, MessageAction> {
	return new Map(
		lab.inbox.messages.map((m) => {
			const e = m.expect;
			const reply = e.phishing ? 'none' : (e.reply ?? 'none');
			const template = lab.inbox.templates.find((x) => x.id === reply)?.body ?? '';
			const words = e.replyMentions.map((g) => g[0]).join(', ');
			return [
				m.id,
				{
					folder: e.folder ?? 'inbox',
					flag: e.flag ?? false,
					archive: e.archive ?? false,
					phishing: e.phishing,
					reply,
					replyText: template ? `${template}\n${words}` : '',
					meeting: e.meeting?.[0] ?? '',
				},
			];
		}),
	);
}

/** Form fields for inbox actions, as the no-JavaScript form posts them. */
export function toInboxFields(actions: Map<string, MessageAction>): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [id, a] of actions) {
		fields[`folder:${id}`] = a.folder;
		fields[`reply:${id}`] = a.reply;
		fields[`text:${id}`] = a.replyText;
		fields[`meeting:${id}`] = a.meeting;
		if (a.flag) fields[`flag:${id}`] = 'on';
		if (a.archive) fields[`archive:${id}`] = 'on';
		if (a.phishing) fields[`phishing:${id}`] = 'on';
	}
	return fields;
}
