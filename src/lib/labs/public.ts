/**
 * What of a lab the learner may see before submitting: the job post, the brief, the inbox's
 * messages in the attempt's order. Never rules, keywords, expected actions, explanations or the
 * model answer. This is the only shape the lab pages and the inbox island receive.
 */
import { createRandom, shuffle } from '../quiz/random.ts';
import { getPlanDates } from './calendar.ts';
import type { CalendarLab, InboxLab, Lab, ProposalLab } from './schema.ts';
import { getCalendarRows } from './submission.ts';

export interface PublicProposal {
	kind: 'proposal';
	post: ProposalLab['proposal']['post'];
}

export interface PublicCalendar {
	kind: 'calendar';
	brief: string;
	timeZone: string;
	dates: string[];
	platforms: CalendarLab['calendar']['platforms'];
	quietDays: CalendarLab['calendar']['quietDays'];
	hours: { from: string; to: string };
	posts: { min: number; max: number };
	pillars: { id: string; label: string }[];
	rows: number;
	minAltText: number;
}

export interface PublicMessage {
	id: string;
	fromName: string;
	fromEmail: string;
	subject: string;
	date: string;
	body: string;
	links: { text: string; href: string }[];
}

export interface PublicInbox {
	kind: 'inbox';
	brief: string;
	client: InboxLab['inbox']['client'];
	folders: { id: string; label: string }[];
	templates: { id: string; label: string; body: string }[];
	messages: PublicMessage[];
}

export type PublicLab = PublicProposal | PublicCalendar | PublicInbox;

/** The public view of a lab for an attempt with `seed` (which orders inbox messages). */
export function toPublicLab(lab: Lab, seed: string): PublicLab {
	if (lab.kind === 'proposal') return { kind: 'proposal', post: { ...lab.proposal.post } };
	if (lab.kind === 'calendar') {
		const c = lab.calendar;
		return {
			kind: 'calendar',
			brief: c.brief,
			timeZone: c.timeZone,
			dates: getPlanDates(lab),
			platforms: [...c.platforms],
			quietDays: [...c.quietDays],
			hours: { ...c.hours },
			posts: { ...c.posts },
			pillars: c.pillars.map((p) => ({ id: p.id, label: p.label })),
			rows: getCalendarRows(lab),
			minAltText: c.minAltText,
		};
	}
	const box = lab.inbox;
	const messages = shuffle(box.messages, createRandom(seed)).map((m) => ({
		id: m.id,
		fromName: m.fromName,
		fromEmail: m.fromEmail,
		subject: m.subject,
		date: m.date,
		body: m.body,
		links: m.links.map((l) => ({ text: l.text, href: l.href })),
	}));
	return {
		kind: 'inbox',
		brief: box.brief,
		client: { ...box.client },
		folders: box.folders.map((f) => ({ id: f.id, label: f.label })),
		templates: box.templates.map((t) => ({ id: t.id, label: t.label, body: t.body })),
		messages,
	};
}
