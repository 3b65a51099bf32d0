/**
 * Reading a lab submission from form fields (the plain POST form, which the island also sends),
 * strictly: an unknown field, a value outside the offered choices or an oversized text makes the
 * whole submission malformed, so nothing is recorded. Returns the normalised work to grade and store.
 */
import { PLATFORMS, type CalendarLab, type InboxLab, type Lab } from './schema.ts';
import { MAX_POST_CHARS, type PlannedPost } from './calendar.ts';
import { MAX_REPLY_CHARS, NO_ACTION, type MessageAction } from './inbox.ts';
import { MAX_PROPOSAL_CHARS } from './proposal.ts';

/** The learner's work, as stored with the attempt. */
export type LabWork =
	| { kind: 'proposal'; text: string }
	| { kind: 'calendar'; posts: PlannedPost[] }
	| { kind: 'inbox'; actions: Record<string, MessageAction> };

export type ParsedWork = { ok: true; work: LabWork } | { ok: false; field?: string };

/** Fields every lab form carries besides the work itself. */
const CONTROL_FIELDS = new Set(['intent', 'attempt', 'locale']);

/** Rows of the calendar form. */
export const getCalendarRows = (lab: CalendarLab) => lab.calendar.rows ?? lab.calendar.posts.max;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Parses the work of a lab from form fields. */
export function parseLabForm(lab: Lab, fields: Map<string, string[]>): ParsedWork {
	for (const [name, values] of fields)
		if (values.length > 1 && !CONTROL_FIELDS.has(name)) return { ok: false, field: name };
	const one = (name: string) => fields.get(name)?.[0];
	if (lab.kind === 'proposal') {
		for (const name of fields.keys())
			if (name !== 'proposal' && !CONTROL_FIELDS.has(name)) return { ok: false, field: name };
		const text = one('proposal');
		if (text === undefined || text.length > MAX_PROPOSAL_CHARS)
			return { ok: false, field: 'proposal' };
		return { ok: true, work: { kind: 'proposal', text: text.replace(/\r\n/g, '\n') } };
	}
	if (lab.kind === 'calendar') return parseCalendar(lab, fields);
	return parseInbox(lab, fields);
}

function parseCalendar(lab: CalendarLab, fields: Map<string, string[]>): ParsedWork {
	const rows = getCalendarRows(lab);
	const pillars = new Set(lab.calendar.pillars.map((p) => p.id));
	const posts: PlannedPost[] = Array.from({ length: rows }, () => ({
		date: '',
		time: '',
		platform: '',
		pillar: '',
		text: '',
		image: false,
		alt: '',
	}));
	for (const [name, [value = '']] of fields) {
		if (CONTROL_FIELDS.has(name)) continue;
		const m = /^(date|time|platform|pillar|text|image|alt)-(\d{1,2})$/.exec(name);
		const index = m ? Number(m[2]) : -1;
		if (!m || index >= rows) return { ok: false, field: name };
		const post = posts[index]!;
		const field = m[1]!;
		const bad =
			(field === 'date' && value !== '' && !DATE.test(value)) ||
			(field === 'time' && value !== '' && !TIME.test(value)) ||
			(field === 'platform' && value !== '' && !(PLATFORMS as readonly string[]).includes(value)) ||
			(field === 'pillar' && value !== '' && !pillars.has(value)) ||
			(field === 'image' && value !== 'on') ||
			((field === 'text' || field === 'alt') && value.length > MAX_POST_CHARS);
		if (bad) return { ok: false, field: name };
		if (field === 'image') post.image = true;
		else
			post[field as 'date' | 'time' | 'platform' | 'pillar' | 'text' | 'alt'] = value.replace(
				/\r\n/g,
				'\n',
			);
	}
	return { ok: true, work: { kind: 'calendar', posts } };
}

function parseInbox(lab: InboxLab, fields: Map<string, string[]>): ParsedWork {
	const ids = new Set(lab.inbox.messages.map((m) => m.id));
	const folders = new Set(['inbox', ...lab.inbox.folders.map((f) => f.id)]);
	const replies = new Set(['none', 'forward', ...lab.inbox.templates.map((t) => t.id)]);
	const actions: Record<string, MessageAction> = {};
	for (const [name, [value = '']] of fields) {
		if (CONTROL_FIELDS.has(name)) continue;
		const m = /^(folder|flag|archive|phishing|reply|text|meeting):([a-z0-9-]+)$/.exec(name);
		if (!m || !ids.has(m[2]!)) return { ok: false, field: name };
		const action = (actions[m[2]!] ??= { ...NO_ACTION });
		const field = m[1]!;
		const bad =
			(field === 'folder' && !folders.has(value)) ||
			(field === 'reply' && !replies.has(value)) ||
			((field === 'flag' || field === 'archive' || field === 'phishing') && value !== 'on') ||
			(field === 'meeting' && value !== '' && !DATETIME.test(value)) ||
			(field === 'text' && value.length > MAX_REPLY_CHARS);
		if (bad) return { ok: false, field: name };
		if (field === 'flag' || field === 'archive' || field === 'phishing') action[field] = true;
		else if (field === 'text') action.replyText = value.replace(/\r\n/g, '\n');
		else action[field as 'folder' | 'reply' | 'meeting'] = value;
	}
	return { ok: true, work: { kind: 'inbox', actions } };
}
