/**
 * Proposal labs: each rule type passes and fails on the text a learner could write, the course's
 * model proposals pass their own labs, and keyword matching works in Bengali and Hindi.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/lib/i18n.ts';
import { gradeProposal } from '../../src/lib/labs/proposal.ts';
import type { ProposalLab, ProposalRule } from '../../src/lib/labs/schema.ts';
import { containsKeyword, countWords, findContactDetails } from '../../src/lib/labs/text.ts';
import { readLab } from '../helpers/lab-files.ts';

const t = createTranslator('en');

/** A lab with one rule, to grade texts against it alone. */
function labWith(rule: Partial<ProposalRule> & Pick<ProposalRule, 'type'>): ProposalLab {
	return {
		kind: 'proposal',
		title: 'T',
		summary: 'S',
		passMark: 100,
		attempts: 'unlimited',
		cooldownMinutes: 0,
		reveal: 'after-each-attempt',
		variables: {},
		proposal: {
			post: { title: 'P', client: 'C', body: 'B' },
			model: 'M',
			rules: [{ id: 'r', label: 'Rule', points: 1, critical: false, ...rule } as ProposalRule],
		},
	};
}
const grade = (rule: Parameters<typeof labWith>[0], text: string) =>
	gradeProposal(labWith(rule), text, 100, t).rules[0]!;

describe('gradeProposal', () => {
	it('passes starts-with when the text begins with the phrase, ignoring case and punctuation', () => {
		expect(
			grade({ type: 'starts-with', phrases: ['Marigold'] }, 'marigold! Hi Farhana').passed,
		).toBe(true);
	});
	it('fails starts-with when the phrase comes later or only as part of a word', () => {
		expect(
			grade({ type: 'starts-with', phrases: ['Marigold'] }, 'Hi Farhana, Marigold').passed,
		).toBe(false);
		expect(grade({ type: 'starts-with', phrases: ['Mari'] }, 'Marigold, hi').passed).toBe(false);
	});
	it('gives partial credit for mentions when only some groups are addressed', () => {
		const rule = { type: 'mentions' as const, groups: [['time zone', 'GMT'], ['UK time']] };
		expect(grade(rule, 'I am in Dhaka, GMT+6, and can work 9 to 1 UK time.').passed).toBe(true);
		const partly = grade(rule, 'My timezone is GMT+6.');
		expect(partly.passed).toBe(false);
		expect(partly.credit).toBe(0.5);
		expect(grade(rule, 'I am hardworking.').credit).toBe(0);
	});
	it('passes word-count inside the limits and fails outside them, reporting the count', () => {
		const rule = { type: 'word-count' as const, min: 3, max: 5 };
		expect(grade(rule, 'one two three four').passed).toBe(true);
		const long = grade(rule, 'one two three four five six');
		expect(long.passed).toBe(false);
		expect(long.found).toBe('Words: 6');
		expect(grade(rule, 'one two').passed).toBe(false);
	});
	it('fails forbidden-opening for a generic greeting near the start, and passes a specific opening', () => {
		const rule = { type: 'forbidden-opening' as const, phrases: ['Dear Sir'] };
		expect(grade(rule, 'Marigold. Dear Sir, I am writing to apply.').passed).toBe(false);
		expect(grade(rule, 'Marigold. Hi Farhana, your shop needs order help.').passed).toBe(true);
	});
	it('fails forbidden-phrases anywhere in the text', () => {
		const rule = { type: 'forbidden-phrases' as const, phrases: ['I am the best'] };
		expect(grade(rule, 'Hello. Honestly, I am the best VA.').passed).toBe(false);
		expect(grade(rule, 'Hello. Here is a sample of my work.').passed).toBe(true);
	});
	it('fails no-contact-details for an email, a phone number, a link or a messaging app, and passes clean text', () => {
		const rule = { type: 'no-contact-details' as const };
		for (const text of [
			'Mail me at rupa.va@example.com',
			'Call +880 1712-345678',
			'See www.rupa-va.com',
			'Message me on WhatsApp',
			'আমার নম্বর ০১৭১২৩৪৫৬৭৮',
		]) {
			expect(grade(rule, text).passed, text).toBe(false);
		}
		expect(
			grade(rule, 'I can work 9 a.m. to 1 p.m. UK time, 5 days a week, from 12 May.').passed,
		).toBe(true);
	});
	it('fails the lab when a critical rule is missed, whatever the score', () => {
		const lab = labWith({ type: 'starts-with', phrases: ['Marigold'], critical: true });
		lab.proposal.rules.push({
			id: 'w',
			type: 'word-count',
			min: 1,
			max: 100,
			label: 'Length',
			points: 9,
			critical: false,
		});
		const graded = gradeProposal(lab, 'Hello there', 80, t);
		expect(graded.score).toBe(90);
		expect(graded.passed).toBe(false);
	});
});

describe('the course proposal labs', () => {
	for (const id of ['proposal-planted-instructions', 'proposal-first-name']) {
		it(`${id}: every variant's model proposal passes every rule of its own variant`, () => {
			for (let v = 0; v < 3; v++) {
				const lab = readLab('client-communication', id, v) as ProposalLab;
				const graded = gradeProposal(lab, lab.proposal.model, lab.passMark, t);
				expect(
					graded.rules.filter((r) => !r.passed).map((r) => `${r.id}: ${r.found ?? ''}`),
				).toEqual([]);
			}
		});
	}
	it('a generic proposal fails the planted-instructions lab', () => {
		const lab = readLab('client-communication', 'proposal-planted-instructions') as ProposalLab;
		const generic =
			'Dear Sir/Madam, I am interested in your job. I am the best VA with 100% guaranteed work. WhatsApp me on +8801712345678.';
		const graded = gradeProposal(lab, generic, lab.passMark, t);
		expect(graded.passed).toBe(false);
		expect(graded.rules.filter((r) => r.passed).map((r) => r.id)).toEqual([]);
	});
});

describe('text matching', () => {
	it('counts words in Bengali and Hindi', () => {
		expect(countWords('আমি ঢাকায় থাকি')).toBe(3);
		expect(countWords('मैं दिल्ली में रहती हूँ')).toBe(5);
	});
	it('finds a keyword with a suffix in Bengali, but a short keyword only as a whole word', () => {
		expect(containsKeyword('আমার টাইম জোনে এখন সকাল', 'টাইম জোন')).toBe(true);
		expect(containsKeyword('a list of orders', 'IST')).toBe(false);
		expect(containsKeyword('I work in IST hours', 'IST')).toBe(true);
	});
	it('reads phone numbers written in Devanagari digits', () => {
		expect(findContactDetails('मेरा नंबर ९८७६५४३२१० है')).toContain('phone');
	});
});

describe('mergeLabTranslation (proposal)', () => {
	it('keeps the English rules and limits, shows the translated words, and accepts keywords in both languages', () => {
		const en = readLab('client-communication', 'proposal-planted-instructions', 0) as ProposalLab;
		const bn = readLab(
			'client-communication',
			'proposal-planted-instructions',
			0,
			'bn',
		) as ProposalLab;
		expect(bn.passMark).toBe(en.passMark);
		expect(bn.proposal.rules.map((r) => [r.id, r.type, r.points, r.critical])).toEqual(
			en.proposal.rules.map((r) => [r.id, r.type, r.points, r.critical]),
		);
		expect(bn.proposal.post.body).toContain('Marigold');
		expect(bn.proposal.rules[1]!.label).toBe('আপনার টাইম জোন এবং যুক্তরাজ্যের সময়ে কাজের ঘণ্টা জানানো');
		const timeZone = (lab: ProposalLab, text: string) =>
			gradeProposal(lab, text, 80, createTranslator('bn')).rules.find((r) => r.id === 'time-zone')!
				.passed;
		expect(timeZone(bn, 'আমার টাইম জোন GMT+6, যুক্তরাজ্যের সময়ে দুপুর ২টা থেকে কাজ করতে পারি।')).toBe(
			true,
		);
		expect(timeZone(bn, 'My time zone is GMT+6 and I can work 2 to 6 p.m. UK time.')).toBe(true);
		expect(timeZone(en, 'আমার টাইম জোন GMT+6, যুক্তরাজ্যের সময়ে দুপুর ২টা থেকে কাজ করতে পারি।')).toBe(
			false,
		);
	});
	it('grades a Hindi answer to the damaged-parcel question', () => {
		const hi = readLab(
			'client-communication',
			'proposal-planted-instructions',
			1,
			'hi',
		) as ProposalLab;
		const r = gradeProposal(
			hi,
			'Kestrel. सबसे पहले मैं ग्राहक से माफ़ी माँगूँगी और ऑर्डर नंबर व टूटे सामान की फ़ोटो माँगूँगी।',
			80,
			createTranslator('hi'),
		).rules.find((x) => x.id === 'damaged-parcel')!;
		expect(r.passed).toBe(true);
	});
});
