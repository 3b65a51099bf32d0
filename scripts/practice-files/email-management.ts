/**
 * Practice files for the course "Email management for virtual assistants" (courses/email-management).
 *
 * - inbox-export-brookline.csv: about forty messages from the inbox of a fictional client, Daniel
 *   Brooks (a business coach in Boston), exported as a spreadsheet. It is deliberately messy: dates in
 *   four formats (all in Dhaka time, UTC+6), inconsistent capitalisation, a stray trailing space and
 *   one duplicated newsletter. It mixes urgent client mail, newsletters, invoices, receipts, personal
 *   mail, meeting requests from four time zones and three fraud attempts.
 * - reply-templates-starter.docx and reply-templates-starter.txt: the same reply templates in Word
 *   and plain-text form, with placeholders, a signature block and three weak drafts to rewrite.
 *
 * Every name, company, address and number is invented. Domains use the reserved `.example` ending,
 * except the genuine notification senders of Google and LinkedIn. Builders are deterministic.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { PracticeFile } from './types.ts';

// ------------------------------------------------------------------ sample inbox export (.csv)

/** One exported message: [from, subject, date as exported (Dhaka time), snippet]. */
type Row = [string, string, string, string];

const inbox: Row[] = [
	[
		'Priya Natarajan <priya.natarajan@harbourlight.example>',
		'URGENT: signed agreement needed by Friday',
		'2026-03-16 16:05',
		'Hi Daniel, our legal team needs the signed coaching agreement back by Friday 20 March, 5pm London time. If we miss it the leadership programme start moves to May. The DocuSign link was sent last week - can you check?',
	],
	[
		'Growth Weekly <newsletter@growthweekly.example>',
		'5 habits of high-performing teams 🚀',
		'Mar 14, 2026 7:00 PM',
		'This week: why the best managers block focus time, plus our reader survey. View in browser | Unsubscribe',
	],
	[
		'CloudDesk Billing <billing@clouddesk.example>',
		'Your invoice INV-20931 is available',
		'14/03/2026 02:15',
		'Invoice INV-20931 for CloudDesk Team plan (March 2026): USD 49.00. Payment will be taken automatically from the card ending 4417 on 31 March.',
	],
	[
		'Google Workspace Team <admin-alerts@workspace-g00gle.example>',
		'Action Required: Your mailbox will be suspended in 24 hours',
		'2026-03-16 03:47',
		'Dear user, we detected unusual sign in activity on your account. To avoid suspension verify your password within 24 hours here: http://workspace-g00gle.example/verify-now . Failure to verify will result in permanent loss of email.',
	],
	[
		"Liam O'Connor <liam@southerncross-retail.example>",
		'Catch up call next week?',
		'16/03/2026 05:20',
		"G'day Daniel, keen to catch up about the team offsite. Could we do Tuesday 24 March at 9am my time (Sydney)? Or Wednesday 25th at 8am if that suits better. Cheers, Liam",
	],
	[
		'Emma Clarke <emma.clarke@northgate-hr.example>',
		'Workshop planning - Thursday 3pm?',
		'2026-03-16 14:32',
		"Hi Daniel, could we do the workshop planning call on Thursday 19 March at 3pm UK time? I think that's 10am for you in Boston. 45 minutes should be plenty. Best, Emma",
	],
	[
		'Daniel Brooks <daniel@brooklinecoaching.example>',
		'can you sort out my calendar for next week',
		'Mar 16, 2026 5:58 PM',
		'Hi! Several people want calls with me - Emma, Liam, the podcast woman, the Brightpath intro. Please book them all in and send me a list. Usual rules. Thanks, D',
	],
	[
		'Google Calendar <calendar-notification@google.com>',
		'Invitation: Q1 review with Sofia @ Thu 26 Mar 2026 2pm - 3pm (EDT) (daniel@brooklinecoaching.example)',
		'2026-03-15 22:10',
		'Sofia Martinez has invited you to an event. Join with Google Meet. Reply for daniel@brooklinecoaching.example: Yes / No / Maybe / More options',
	],
	[
		'Rahul Mehta <rahul@mehtadesign.example>',
		'logo drafts v2 (attached)',
		'15-Mar-26 19:45',
		'Hi Daniel, attaching 3 revised logo options as discussed. Let me know which direction you prefer by Wednesday so I can finalise before your website launch. Regards, Rahul',
	],
	[
		'LinkedIn <messages-noreply@linkedin.com>',
		'You appeared in 14 searches this week',
		'Mar 15, 2026 1:03 PM',
		"See who's looking at your profile. Try Premium free for 1 month.",
	],
	[
		'Harbor Federal Bank <alerts@harborfederal.example>',
		'Your March statement is ready',
		'2026-03-15 10:00',
		'Your statement for the account ending 0382 is now available. Sign in to online banking to view it. We will never ask for your password by email.',
	],
	[
		'Growth Weekly <newsletter@growthweekly.example>',
		'5 habits of high-performing teams 🚀 ',
		'Mar 14, 2026 7:00 PM',
		'This week: why the best managers block focus time, plus our reader survey. View in browser | Unsubscribe',
	],
	[
		'Jessica Tran <jess.tran@mail.example>',
		'question about your 1:1 coaching packages',
		'16/03/2026 09:34',
		"Hello, I was referred by Priya at Harbourlight. I'm a new manager and would like to know prices and availability for 1:1 coaching starting in April. Could someone get back to me this week? Thank you, Jessica",
	],
	[
		'Mark Feldman <mfeldman@feldmanlogistics.example>',
		'Session last Tuesday was cancelled without notice??',
		'2026-03-14 04:12',
		"Daniel, I waited on the call for 20 minutes last Tuesday and nobody showed up. This is the second time. I'm paying for these sessions. Please call me.",
	],
	[
		'DesignPad <receipts@designpad.example>',
		'Your receipt #8841-2210',
		'14-Mar-26 11:20',
		'Thanks for your payment of USD 14.99 for DesignPad Pro (monthly). This is a receipt, no action needed.',
	],
	[
		'SaaS Growth Summit <events@saasgrowthsummit.example>',
		'LAST CHANCE!!! early bird tickets end TONIGHT',
		'2026-03-16 01:00',
		'Only 12 seats left at the early bird price. Join founders from across the country in Austin this June...',
	],
	[
		'Nadia Rahman <nadia@thefoundershour.example>',
		'Re: Podcast guest spot',
		'Mar 15, 2026 11:15 PM',
		"Thanks Daniel! Could we record on Monday 30 March at 1pm ET (Toronto)? It takes about an hour. I'll send a prep sheet once we've confirmed. Nadia",
	],
	[
		'Gary Lopez CPA <gary@lopezcpa.example>',
		'Q1 estimated tax - documents needed',
		'2026-03-13 21:40',
		'Hi Daniel, to prepare your Q1 estimated payment I need your Jan-Mar income report and the receipt for the new laptop by 10 April. Thanks, Gary',
	],
	[
		'ParcelPoint <tracking@parcelpoint.example>',
		'Your package is out for delivery',
		'16/03/2026 18:02',
		'Order #55120 (printer toner x2) will arrive today between 10am and 2pm.',
	],
	[
		'Google <no-reply@accounts.google.com>',
		'Security alert',
		'2026-03-16 17:40',
		"A new sign-in to your Google Account daniel@brooklinecoaching.example on a Windows device. If this was you, you don't need to do anything. If not, we'll help you secure your account.",
	],
	[
		'OneDrive Shared Files <share-notify@files-secure-docs.example>',
		"Daniel, Sofia shared 'Q1 Payroll Summary.pdf' with you",
		'15-Mar-26 08:55',
		'Sofia Martinez has shared a file with you. Open with your Microsoft account to view: http://files-secure-docs.example/open?id=8812 . This link expires in 12 hours.',
	],
	[
		'Sofia Martinez <sofia@brooklinecoaching.example>',
		'can you move my Thurs 4pm with Daniel?',
		'2026-03-16 17:25',
		'Hi! Something came up on Thursday 19th - could you move my 4pm catch-up with Daniel to Friday morning, any time before 11? Thanks so much, Sofia',
	],
	[
		'Hotel Marlowe Events <events@hotelmarlowe.example>',
		'RE: re: Venue for June retreat - quote attached',
		'Mar 13, 2026 10:30 PM',
		'Dear Mr Brooks, please find attached our quote for 12-14 June (18 guests). We are holding the Garden Room for you until 25 March; after that we cannot guarantee availability.',
	],
	[
		'Tom Brooks <tombrooks77@mail.example>',
		'Fwd: Fwd: you have to see this lol',
		'2026-03-15 02:30',
		'Haha remember when we tried this at the lake?? Mom says call her this weekend btw',
	],
	[
		'Dr. Anita Shah Dental <reminders@shahdental.example>',
		'Appointment reminder: Fri 27 March 8:30am',
		'14/03/2026 20:00',
		'Reminder: Daniel Brooks has a dental cleaning on Friday 27 March at 8:30 AM. Reply C to confirm or call 617-555-0142 to reschedule.',
	],
	[
		'Leadership Digest <digest@leadershipdigest.example>',
		'The one question great coaches ask',
		'Mar 15, 2026 6:00 AM',
		'In this issue: questions that unlock people, a free template, and upcoming webinars. Unsubscribe | Manage preferences',
	],
	[
		'Owen Hughes <owen@northgate-hr.example>',
		'Automatic reply: Workshop dates',
		'2026-03-16 14:40',
		"I'm out of the office until Monday 23 March with limited access to email. For anything urgent please contact Emma Clarke.",
	],
	[
		'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
		'Delivery Status Notification (Failure)',
		'16/03/2026 17:05',
		"Address not found. Your message wasn't delivered to jon.smyth@brightpath.example because the address couldn't be found. Original subject: Intro - Brookline Coaching x Brightpath",
	],
	[
		'PayFlow <notifications@payflow.example>',
		'Payment received: USD 1,200.00 from Harbourlight Ltd',
		'2026-03-14 16:22',
		'You received a payment of USD 1,200.00 for invoice BC-0214. The funds will be available in 2 business days.',
	],
	[
		'FastPrint Ltd <accounts@fastprint.example>',
		'Invoice FP-3317 overdue - 2nd reminder',
		'Mar 13, 2026 3:10 PM',
		'Dear Daniel, our invoice FP-3317 (USD 386.50, workbooks for the February workshop) was due on 28 February. Please arrange payment or let us know if there is a problem. Kind regards, Helen, FastPrint accounts',
	],
	[
		'FastPrint Accounts <accounts@fastprint-payments.example>',
		'URGENT: updated bank details for invoice FP-3317',
		'2026-03-16 04:58',
		'Dear Customer, due to an audit our bank account has changed. Please pay invoice FP-3317 today to the new account below to avoid a late fee. Do not use the old details. Reply to this email only, our phones are down. Helen',
	],
	[
		'Alicia Gomez <alicia@brightpath.example>',
		'Intro call - Brookline x Brightpath',
		'Mar 15, 2026 12:40 AM',
		'Hi Daniel, lovely to be introduced! Would Wednesday 18 March at 10am Pacific work for a 30 minute intro? Happy to send a Zoom link. Best, Alicia',
	],
	[
		'BookNow <notifications@booknow.example>',
		'New booking: Discovery call with Jessica Tran',
		'2026-03-16 10:02',
		"Discovery call - Fri 20 Mar, 12:00 PM EDT (30 min). Invitee: Jessica Tran. Invitee's note: 'I would also like the price list before the call please.'",
	],
	[
		'TaskFlow <hello@taskflow.example>',
		'Your free trial ends in 3 days',
		'15/03/2026 13:00',
		'Upgrade now to keep your boards and automations. Plans start at USD 8 per user per month.',
	],
	[
		'Priya Natarajan <priya.natarajan@harbourlight.example>',
		'RE: URGENT: signed agreement needed by Friday',
		'2026-03-16 18:20',
		'Just following up in case this got lost - we really need it by Friday 5pm UK time. Thanks! P',
	],
	[
		'Daniel Brooks <daniel@brooklinecoaching.example>',
		're: can you sort out my calendar for next week',
		'Mar 16, 2026 6:04 PM',
		'Oh and reminder: nothing before 8am or after 6pm my time, and Friday afternoons after 2pm are family time. Podcast is a yes. D',
	],
	[
		'CloudDesk Support <support@clouddesk.example>',
		'How did we do? Rate your support experience',
		'14-Mar-26 03:30',
		"Your ticket #44821 'cannot export contacts' was closed. Tell us how we did in one click.",
	],
	[
		'Rewards Center <winner@gift-rewards-now.example>',
		"Congratulations!! You've been selected for a $500 gift card",
		'2026-03-15 09:09',
		'Claim your reward now! Just confirm your details and pay a small shipping fee of $2.95.',
	],
	[
		'Small Business Expo <register@sbexpo.example>',
		'Registration confirmed: Small Business Expo Boston, 14 April',
		'Mar 13, 2026 8:00 PM',
		"You're registered! Your QR ticket is attached. Doors open 9:00 AM EDT at the Seaport convention centre.",
	],
	[
		'Sofia Martinez <sofia@brooklinecoaching.example>',
		'Confidential: notes on Mark Feldman account',
		'2026-03-15 23:45',
		'Daniel - notes from my call with Mark attached. He mentioned health issues affecting his schedule, please keep this between us. We should offer him a make-up session. S',
	],
	[
		'Kevin from ClickGrow <kevin@clickgrow-agency.example>',
		'quick question',
		'16/03/2026 12:15',
		"Hi Daniel, I noticed your website isn't on page 1 of Google. We can fix that in 30 days, guaranteed. Worth a 10 minute call?",
	],
];

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function buildInboxCsv(): Buffer {
	const lines = [['id', 'from', 'subject', 'date', 'snippet'].join(',')];
	inbox.forEach(([from, subject, date, snippet], i) => {
		lines.push([String(i + 1), from, subject, date, snippet].map(csvField).join(','));
	});
	// A byte order mark lets Excel open the UTF-8 file (with its emoji) correctly.
	return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

// ------------------------------------------------------------------ reply templates (.docx, .txt)

interface Template {
	name: string;
	when: string;
	subject: string;
	body: string[];
	/** Internal messages to Daniel end with the first name only, not the full signature. */
	internal?: boolean;
}

const howToUse = [
	'Words in [SQUARE BRACKETS] are placeholders. Replace every one of them before you send. As a last check, search your draft for the [ character.',
	'Rewrite the first line every time, so the reply sounds written for this person and not copied.',
	"When you give a time, write it in the reader's time zone first, with the city, then in Daniel's (Boston) time.",
	'Sign as yourself, the assistant, unless Daniel has clearly agreed otherwise.',
	'The client in these templates, Daniel Brooks of Brookline Coaching in Boston, USA, is fictional. Adapt the templates to your own client.',
];

const signature = [
	'[Your full name]',
	'Assistant to Daniel Brooks | Brookline Coaching',
	'Working hours: [Mon-Fri, 9:00 am - 5:00 pm Boston time (7:00 pm - 3:00 am Dhaka)]',
];

const templates: Template[] = [
	{
		name: '1. Holding reply (you have seen it, the answer comes later)',
		when: "A message needs Daniel's decision and he cannot answer today.",
		subject: 'Re: [their subject]',
		body: [
			'Hi [First name],',
			"Thank you for your email. I'm [Your name], Daniel's assistant. I have passed your message to Daniel, and you will hear back from [him / me] by [day, date].",
			'If anything changes before then, just reply to this email.',
			'Best regards,',
		],
	},
	{
		name: '2. Offering meeting times',
		when: 'Someone asks to meet Daniel and you are proposing times.',
		subject: 'Call with Daniel Brooks: a choice of times',
		body: [
			'Hi [First name],',
			'Thanks for getting in touch. Daniel would be glad to speak with you. Would one of these times work? They are shown in your time zone ([their city]) first:',
			'1. [Day, date], [time] [their city] ([time] Boston)',
			'2. [Day, date], [time] [their city] ([time] Boston)',
			'3. [Day, date], [time] [their city] ([time] Boston)',
			'The call will take [length] on [Google Meet / Zoom / Teams]. As soon as you choose, I will send a calendar invitation.',
			'Best regards,',
		],
	},
	{
		name: '3. Confirming a meeting',
		when: 'A time has been agreed and you are sending the invitation.',
		subject: 'Confirmed: [meeting name], [day, date] at [time] [their city]',
		body: [
			'Hi [First name],',
			'Thank you, that is confirmed: [day, date] at [time] [their city] time ([time] Boston). A calendar invitation with the [Google Meet / Zoom] link is on its way to you.',
			'[Optional: To make the most of the time, could you send any questions or documents by (day)?]',
			'Best regards,',
		],
	},
	{
		name: '4. Asking to reschedule',
		when: 'Daniel cannot make a meeting that was already agreed.',
		subject: 'Request to move our call on [day, date]',
		body: [
			'Hi [First name],',
			"I'm sorry, but Daniel can no longer make [meeting] on [day, date] at [time] [their city]. [One short, honest reason if appropriate.]",
			'Could we move it to one of these times instead?',
			'1. [Day, date], [time] [their city] ([time] Boston)',
			'2. [Day, date], [time] [their city] ([time] Boston)',
			'I will update the calendar invitation as soon as you reply. Thank you for your flexibility.',
			'Kind regards,',
		],
	},
	{
		name: '5. Gentle follow-up',
		when: 'You asked for something, the deadline is close and there is no answer. Reply in the same thread.',
		subject: '(keep the original subject)',
		body: [
			'Hi [First name],',
			"I'm following up on my email below about [topic]. Could you [the one thing you need] by [day, date, time and city]?",
			'[If it helps: a choice of two options, or "a one-line yes or no is enough".]',
			'Thank you,',
		],
	},
	{
		name: '6. Reply to a new enquiry',
		when: 'A possible new customer asks about prices or availability.',
		subject: 'Re: [their subject]',
		body: [
			'Hi [First name],',
			'Thank you for your interest in coaching with Daniel[, and for being referred by (name)].',
			'I have attached our current price list for 1:1 coaching. In short: [one or two lines from the price list].',
			'The easiest next step is a free 30-minute discovery call with Daniel. You can choose a time that suits you here: [booking link]. [If they already booked: I can see you have booked a call for (day, date, time) - Daniel is looking forward to it.]',
			'Best regards,',
		],
	},
	{
		name: '7. Declining politely',
		when: 'An invitation, sales pitch or request that Daniel has decided to turn down.',
		subject: 'Re: [their subject]',
		body: [
			'Hi [First name],',
			'Thank you for thinking of Daniel. He won\'t be able to [take part / go ahead] this time, as [short reason, or "his calendar is full until (month)"].',
			'[Optional: He would be happy to hear about future (events / projects).]',
			'Best wishes,',
		],
	},
	{
		name: '8. Complaint: first reply',
		when: 'A customer is unhappy. Send this only after Daniel has seen the complaint, or if he has agreed you may reply first.',
		subject: 'Re: [their subject]',
		body: [
			'Dear [First name],',
			"I'm sorry about [what happened, in their words]. You are right to raise it, and Daniel has seen your message.",
			'[What happens next: Daniel will call you on (day) at (time, their city) / we are offering (make-up session).]',
			'[What we are changing so it does not happen again.]',
			'Kind regards,',
		],
	},
	{
		name: '9. Payment reminder to a customer',
		when: 'An invoice Daniel sent is overdue (check the payment system first).',
		subject: 'Invoice [number] - friendly reminder',
		body: [
			'Hi [First name],',
			'A quick reminder that invoice [number] for [amount and currency], sent on [date], was due on [date]. I have attached a copy for convenience.',
			'If you have already paid, thank you, and please ignore this email. If there is a problem, just reply and I will help.',
			'Best regards,',
		],
	},
	{
		name: '10. Daily summary to Daniel',
		when: 'At the end of each inbox session, so Daniel knows what needs him.',
		subject: 'Inbox summary - [day, date]',
		body: [
			'Hi Daniel,',
			'NEEDS YOU ([number])',
			'- [Item, with the deadline in Boston time and what you need: a decision, a signature, a call]',
			'DONE ([number])',
			'- [What you handled, one line each]',
			'WAITING FOR OTHERS ([number])',
			'- [Who, what, and when you will follow up]',
			'FYI',
			'- [Anything useful to know that needs no action]',
			'Thanks,',
		],
		internal: true,
	},
];

const weakDrafts: { label: string; text: string; hint: string }[] = [
	{
		label: 'Draft A (to Priya Natarajan, London)',
		text: 'Dear Sir, Kindly do the needful regarding the agreement and revert back at the earliest. Please find attached herewith the document. Thanking you, Nusrat',
		hint: 'Who is it to? What exactly must Priya do, and by when? Is anything attached at all?',
	},
	{
		label: "Draft B (to Liam O'Connor, Sydney)",
		text: 'hi liam, daniel cant do 9am tuesday its too late for him. what about some other time?? let me know',
		hint: "Offer real alternatives in Liam's time zone, explain nothing he does not need, fix the capitals and punctuation.",
	},
	{
		label: 'Draft C (to Mark Feldman, an unhappy customer)',
		text: 'Hello Mark, we are very sorry but it was not our fault, the calendar app changed the time. Daniel is busy this week. Regards',
		hint: 'Take responsibility, say what happens next and when, and do not promise anything Daniel has not approved.',
	},
];

function closing(t: Template): string[] {
	return t.internal ? ['[Your first name]'] : signature;
}

function templateLines(t: Template): string[] {
	return [`When to use: ${t.when}`, `Subject: ${t.subject}`, '', ...t.body, ...closing(t)];
}

function buildTemplatesTxt(): Buffer {
	const out: string[] = [
		'REPLY TEMPLATES STARTER',
		'Practice file for the course "Email management for virtual assistants" (Dakshata)',
		'',
		'HOW TO USE THESE TEMPLATES',
		...howToUse.map((line) => `- ${line}`),
		'',
		'SIGNATURE BLOCK',
		...signature,
		'',
	];
	for (const t of templates) {
		out.push('='.repeat(60), t.name.toUpperCase(), ...templateLines(t), '');
	}
	out.push('='.repeat(60), 'THREE WEAK DRAFTS TO REWRITE', '');
	for (const d of weakDrafts) {
		out.push(d.label, `"${d.text}"`, `Think about: ${d.hint}`, '');
	}
	return Buffer.from(out.join('\r\n'), 'utf8');
}

function para(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
	return new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 120 } });
}

function templatesDocument(): Document {
	const children: Paragraph[] = [
		new Paragraph({ text: 'Reply templates starter', heading: HeadingLevel.TITLE }),
		para('Practice file for the course "Email management for virtual assistants" (Dakshata)', {
			italics: true,
		}),
		new Paragraph({ text: 'How to use these templates', heading: HeadingLevel.HEADING_1 }),
		...howToUse.map((line) => new Paragraph({ text: line, bullet: { level: 0 } })),
		new Paragraph({ text: 'Signature block', heading: HeadingLevel.HEADING_1 }),
		...signature.map((line) => new Paragraph({ text: line })),
	];
	for (const t of templates) {
		children.push(
			new Paragraph({ text: t.name, heading: HeadingLevel.HEADING_1 }),
			para(`When to use: ${t.when}`, { italics: true }),
			new Paragraph({
				children: [new TextRun({ text: 'Subject: ', bold: true }), new TextRun(t.subject)],
				spacing: { after: 120 },
			}),
			...t.body.map((line) => para(line)),
			...closing(t).map((line) => new Paragraph({ text: line })),
		);
	}
	children.push(
		new Paragraph({ text: 'Three weak drafts to rewrite', heading: HeadingLevel.HEADING_1 }),
	);
	for (const d of weakDrafts) {
		children.push(
			new Paragraph({ text: d.label, heading: HeadingLevel.HEADING_2 }),
			new Paragraph({
				children: [new TextRun({ text: `"${d.text}"`, italics: true })],
				alignment: AlignmentType.LEFT,
				spacing: { after: 120 },
			}),
			para(`Think about: ${d.hint}`),
		);
	}
	return new Document({
		creator: 'Dakshata',
		title: 'Reply templates starter',
		description: 'Practice file for the course Email management for virtual assistants',
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ children }],
	});
}

function buildTemplatesDocx(): Promise<Buffer> {
	return withFixedClock(() => Packer.toBuffer(templatesDocument()));
}

/**
 * docx stamps the current time into docProps/core.xml (when the Document is created) and into the
 * zip entries (when it is packed). To keep the file byte-identical between builds, do both with `Date` frozen at a fixed instant, and with the
 * local-time getters that the zip writer uses answering in UTC, so the machine's time zone does not
 * matter either.
 */
async function withFixedClock<T>(work: () => Promise<T>): Promise<T> {
	const RealDate = globalThis.Date;
	const fixed = RealDate.UTC(2026, 0, 15, 12, 0, 0);
	class FixedDate extends RealDate {
		constructor(value?: number | string | Date) {
			super(value ?? fixed);
		}
		static override now(): number {
			return fixed;
		}
		override getFullYear(): number {
			return this.getUTCFullYear();
		}
		override getMonth(): number {
			return this.getUTCMonth();
		}
		override getDate(): number {
			return this.getUTCDate();
		}
		override getHours(): number {
			return this.getUTCHours();
		}
		override getMinutes(): number {
			return this.getUTCMinutes();
		}
		override getSeconds(): number {
			return this.getUTCSeconds();
		}
	}
	globalThis.Date = FixedDate as DateConstructor;
	try {
		return await work();
	} finally {
		globalThis.Date = RealDate;
	}
}

export const files: PracticeFile[] = [
	{ name: 'inbox-export-brookline.csv', build: buildInboxCsv },
	{ name: 'reply-templates-starter.docx', build: buildTemplatesDocx },
	{ name: 'reply-templates-starter.txt', build: buildTemplatesTxt },
];
