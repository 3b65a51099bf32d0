/**
 * Zod schemas for simulated labs, `<NN-unit>/<id>.lab.yaml` (translations `<id>.lab.bn.yaml`,
 * `<id>.lab.hi.yaml`). A lab is a piece of real work graded on the server: a proposal to a job
 * post, a two-week content calendar, or an inbox to triage. Everything that decides a grade (rule
 * keywords, expected actions, the model answer) stays on the server until the learner submits.
 *
 * Seeded variation: `variables` maps a name to a list of values (all lists the same length); each
 * attempt picks one index, and every `{{name}}` in the lab's strings is replaced by that variant's
 * value before the lab is used. The content check validates every variant.
 *
 * Free of Astro runtime imports (shared by the content collection, `npm run content:check`, the
 * server and the tests).
 */
import { z } from 'astro/zod';
import { SlugSchema, TranslatedFromSchema } from '../content/schemas.ts';

const Text = z.string().trim().min(1);

/** A set of words or phrases, any one of which counts, e.g. `[time zone, timezone, GMT, UTC]`. */
const KeywordsSchema = z.array(z.coerce.string().trim().min(1)).min(1);

const ruleBase = {
	/** Unique within the lab; the report and the analytics name the rule by it. */
	id: SlugSchema,
	/** What the rule checks, in words the learner understands; shown in the report. */
	label: Text.max(200),
	/** Shown in the report when the rule is not met (as the reveal setting allows). */
	hint: Text.max(400).optional(),
	/** Weight of the rule in the score. Default 1. */
	points: z.number().positive().max(100).default(1),
	/** A critical rule fails the lab when it is missed, whatever the score. Default false. */
	critical: z.boolean().default(false),
};

/** One rule a proposal is checked against. */
export const ProposalRuleSchema = z.discriminatedUnion('type', [
	z.strictObject({
		...ruleBase,
		/** The proposal must begin with one of `phrases` (case, spacing and punctuation ignored). */
		type: z.literal('starts-with'),
		phrases: KeywordsSchema,
	}),
	z.strictObject({
		...ruleBase,
		/** Each group must be addressed: at least one of its words or phrases appears. */
		type: z.literal('mentions'),
		groups: z.array(KeywordsSchema).min(1),
	}),
	z.strictObject({
		...ruleBase,
		/** Length in words (a word is a run of letters, marks or digits, in any script). */
		type: z.literal('word-count'),
		min: z.number().int().min(0).default(0),
		max: z.number().int().positive(),
	}),
	z.strictObject({
		...ruleBase,
		/** The first sentence must not start with any of these generic openings. */
		type: z.literal('forbidden-opening'),
		phrases: KeywordsSchema,
	}),
	z.strictObject({
		...ruleBase,
		/** None of these words or phrases may appear anywhere. */
		type: z.literal('forbidden-phrases'),
		phrases: KeywordsSchema,
	}),
	z.strictObject({
		...ruleBase,
		/** No email address, phone number, web address or messaging app handle (off-platform contact). */
		type: z.literal('no-contact-details'),
	}),
]);

/** A proposal lab: a job post with instructions in it, answered in a text box. */
export const ProposalLabSchema = z.strictObject({
	/** The job post as the marketplace shows it. */
	post: z.strictObject({
		/** Job title. */
		title: Text.max(160),
		/** Who posted it, e.g. "Nadia R., online bakery, Sylhet". */
		client: Text.max(160),
		/** Budget or rate line, e.g. "Fixed price: $40". */
		budget: Text.max(120).optional(),
		/** The post itself; blank lines separate paragraphs. */
		body: Text,
	}),
	/** Rules the proposal is checked against, in report order. */
	rules: z.array(ProposalRuleSchema).min(1),
	/** A model proposal, shown once the learner passes (never before). */
	model: Text,
});

export const PLATFORMS = ['x', 'instagram', 'linkedin', 'facebook'] as const;
export const WEEKDAYS = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday',
] as const;

/** A content calendar lab: two weeks of posts planned for a client. */
export const CalendarLabSchema = z.strictObject({
	/** The client's brief as the learner reads it; blank lines separate paragraphs. */
	brief: Text,
	/** Client's IANA time zone, e.g. `Asia/Dhaka`; every time is entered in it. */
	timeZone: Text,
	/** First day of the plan, `YYYY-MM-DD`. */
	startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
	/** Number of days planned. Default 14. */
	days: z.number().int().min(1).max(31).default(14),
	/** Platforms the client uses (x, instagram, linkedin, facebook). */
	platforms: z.array(z.enum(PLATFORMS)).min(1),
	/** Weekdays with no posts, e.g. `[friday]`. Default none. */
	quietDays: z.array(z.enum(WEEKDAYS)).default([]),
	/** Posting hours in the client's zone, `HH:MM`, inclusive. Default 08:00–22:00. */
	hours: z
		.strictObject({
			from: z.string().regex(/^\d{2}:\d{2}$/),
			to: z.string().regex(/^\d{2}:\d{2}$/),
		})
		.default({ from: '08:00', to: '22:00' }),
	/** Fewest and most posts in the plan. */
	posts: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }),
	/** Rows offered in the form. Default `posts.max`. */
	rows: z.number().int().min(1).max(40).optional(),
	/** Content pillars and how many posts each needs (min, optional max). */
	pillars: z
		.array(
			z.strictObject({
				/** Unique within the lab. */
				id: SlugSchema,
				/** Shown in the brief and the form. */
				label: Text.max(80),
				/** Fewest posts of this pillar. Default 0. */
				min: z.number().int().min(0).default(0),
				/** Most posts of this pillar. Default no limit. */
				max: z.number().int().min(0).optional(),
			}),
		)
		.min(1),
	/** Shortest alt text accepted for an image post, in characters. Default 15. */
	minAltText: z.number().int().min(1).default(15),
});

/** One message of an inbox lab, with what a good VA does with it (server only). */
export const InboxMessageSchema = z.strictObject({
	/** Unique within the lab. */
	id: SlugSchema,
	/** Sender's display name. */
	fromName: Text.max(120),
	/** Sender's address as shown (a spoofed one may look close to a real one). */
	fromEmail: Text.max(200),
	/** Subject line. */
	subject: Text.max(200),
	/** When it arrived, `YYYY-MM-DDTHH:MM` in the client's zone. */
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'use YYYY-MM-DDTHH:MM'),
	/** The message; blank lines separate paragraphs. */
	body: Text,
	/** Links shown under the message, as the text shown and where it really goes. */
	links: z.array(z.strictObject({ text: Text, href: Text })).default([]),
	/** Weight in the score. Default 1 (phishing messages default to 3). */
	points: z.number().positive().max(100).optional(),
	/** What is expected; anything not given is not graded. */
	expect: z.strictObject({
		/** Folder it belongs in (one of the lab's folders), or `inbox` to leave it there. */
		folder: SlugSchema.optional(),
		/** Whether it should be flagged for follow-up. */
		flag: z.boolean().optional(),
		/** Whether it should be archived. */
		archive: z.boolean().optional(),
		/** A phishing or spoofed message: must be reported, never answered or forwarded. Default false. */
		phishing: z.boolean().default(false),
		/** `none`, `forward` (to the client) or the id of the reply template to use. */
		reply: z.string().trim().min(1).optional(),
		/** Groups of words the edited reply must contain (any one word of each group). */
		replyMentions: z.array(KeywordsSchema).default([]),
		/** Meeting times that fit, `YYYY-MM-DDTHH:MM` in the client's zone. */
		meeting: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)).optional(),
	}),
	/** Shown in the report after submission, as the reveal setting allows. */
	explanation: Text.optional(),
});

/** An inbox lab: a simulated mailbox the learner triages for a client. */
export const InboxLabSchema = z.strictObject({
	/** The client the learner works for, and the situation; blank lines separate paragraphs. */
	brief: Text,
	/** The client's name and address (where "forward to the client" goes). */
	client: z.strictObject({ name: Text.max(120), email: Text.max(200), timeZone: Text }),
	/** Folders (labels) the learner can file messages in. */
	folders: z.array(z.strictObject({ id: SlugSchema, label: Text.max(60) })).min(1),
	/** Reply templates the learner can pick and edit. */
	templates: z
		.array(z.strictObject({ id: SlugSchema, label: Text.max(80), body: Text }))
		.default([]),
	/** 1–40 messages. */
	messages: z.array(InboxMessageSchema).min(1).max(40),
});

const labBase = {
	/** Lab title. */
	title: Text.max(140),
	/** In a translation: the English file's hash (see TranslatedFromSchema). */
	translatedFrom: TranslatedFromSchema,
	/** One sentence on the task, shown where the lab is embedded and used in the credential. */
	summary: Text.max(300),
	/** Percent needed to pass. Default 80. */
	passMark: z.number().min(0).max(100).default(80),
	/** Attempts allowed: a number or `unlimited` (default). */
	attempts: z.union([z.number().int().positive(), z.literal('unlimited')]).default('unlimited'),
	/** Minutes to wait between attempts. Default 0. */
	cooldownMinutes: z.number().min(0).default(0),
	/** When hints, expected answers and the model answer are shown. Default after-each-attempt. */
	reveal: z.enum(['after-each-attempt', 'after-passing', 'never']).default('after-each-attempt'),
	/** Seeded variation: name → values (lists of equal length); see the module comment. */
	variables: z
		.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.array(z.coerce.string()).min(1))
		.default({}),
};

/** A lab file. The `kind` decides which section it has. */
export const LabSchema = z
	.discriminatedUnion('kind', [
		z.strictObject({ ...labBase, kind: z.literal('proposal'), proposal: ProposalLabSchema }),
		z.strictObject({ ...labBase, kind: z.literal('calendar'), calendar: CalendarLabSchema }),
		z.strictObject({ ...labBase, kind: z.literal('inbox'), inbox: InboxLabSchema }),
	])
	.superRefine((lab, ctx) => {
		const lengths = new Set(Object.values(lab.variables).map((v) => v.length));
		if (lengths.size > 1)
			ctx.addIssue({
				code: 'custom',
				path: ['variables'],
				message: 'every variable needs the same number of values',
			});
		const ids = (list: { id: string }[], path: (string | number)[], what: string) => {
			const seen = new Set<string>();
			list.forEach((x, i) => {
				if (seen.has(x.id))
					ctx.addIssue({
						code: 'custom',
						path: [...path, i, 'id'],
						message: `duplicate ${what} id "${x.id}"`,
					});
				seen.add(x.id);
			});
		};
		if (lab.kind === 'proposal') ids(lab.proposal.rules, ['proposal', 'rules'], 'rule');
		if (lab.kind === 'calendar') {
			const c = lab.calendar;
			ids(c.pillars, ['calendar', 'pillars'], 'pillar');
			if (c.posts.min > c.posts.max)
				ctx.addIssue({
					code: 'custom',
					path: ['calendar', 'posts'],
					message: 'posts.min is more than posts.max',
				});
			if (Number.isNaN(Date.parse(`${c.startDate}T00:00:00Z`)))
				ctx.addIssue({
					code: 'custom',
					path: ['calendar', 'startDate'],
					message: 'not a real date',
				});
			try {
				new Intl.DateTimeFormat('en', { timeZone: c.timeZone });
			} catch {
				ctx.addIssue({
					code: 'custom',
					path: ['calendar', 'timeZone'],
					message: `unknown time zone "${c.timeZone}" (use an IANA name like Asia/Dhaka)`,
				});
			}
		}
		if (lab.kind === 'inbox') {
			const box = lab.inbox;
			ids(box.messages, ['inbox', 'messages'], 'message');
			ids(box.folders, ['inbox', 'folders'], 'folder');
			ids(box.templates, ['inbox', 'templates'], 'template');
			const folders = new Set(['inbox', ...box.folders.map((f) => f.id)]);
			const replies = new Set(['none', 'forward', ...box.templates.map((t) => t.id)]);
			box.messages.forEach((m, i) => {
				if (m.expect.folder && !folders.has(m.expect.folder))
					ctx.addIssue({
						code: 'custom',
						path: ['inbox', 'messages', i, 'expect', 'folder'],
						message: `folder "${m.expect.folder}" is not one of: ${[...folders].join(', ')}`,
					});
				if (m.expect.reply && !replies.has(m.expect.reply))
					ctx.addIssue({
						code: 'custom',
						path: ['inbox', 'messages', i, 'expect', 'reply'],
						message: `reply "${m.expect.reply}" is not one of: ${[...replies].join(', ')}`,
					});
			});
			try {
				new Intl.DateTimeFormat('en', { timeZone: box.client.timeZone });
			} catch {
				ctx.addIssue({
					code: 'custom',
					path: ['inbox', 'client', 'timeZone'],
					message: `unknown time zone "${box.client.timeZone}"`,
				});
			}
		}
	});

export type Lab = z.infer<typeof LabSchema>;
export type ProposalLab = Extract<Lab, { kind: 'proposal' }>;
export type CalendarLab = Extract<Lab, { kind: 'calendar' }>;
export type InboxLab = Extract<Lab, { kind: 'inbox' }>;
export type ProposalRule = z.infer<typeof ProposalRuleSchema>;
export type InboxMessage = z.infer<typeof InboxMessageSchema>;

/**
 * A lab file as the content collection stores it: the raw data, checked only to be a lab of a
 * known kind. Variants are resolved and fully validated by `resolveLab` (variant.ts); the content
 * check validates every variant with file and line.
 */
export const LabFileSchema = z.looseObject({
	kind: z.enum(['proposal', 'calendar', 'inbox']),
	title: Text,
});
