/**
 * Content calendar labs: each rule passes on a good plan and fails on the mistake it exists to
 * catch, and every variant of the course's calendar lab can be passed.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/lib/i18n.ts';
import {
	gradeCalendar,
	getPlanDates,
	getWeekday,
	type PlannedPost,
} from '../../src/lib/labs/calendar.ts';
import type { CalendarLab } from '../../src/lib/labs/schema.ts';
import { parseLabForm } from '../../src/lib/labs/submission.ts';
import { readLab } from '../helpers/lab-files.ts';
import { buildGoodPlan, toCalendarFields } from '../helpers/lab-work.ts';

const t = createTranslator('en');
const lab = readLab('social-media-management', 'calendar-tutoring-two-weeks', 0) as CalendarLab;
const rule = (posts: PlannedPost[], id: string) =>
	gradeCalendar(lab, posts, 80, t).rules.find((r) => r.id === id)!;
const edit = (change: (posts: PlannedPost[]) => void) => {
	const posts = structuredClone(buildGoodPlan(lab));
	change(posts);
	return posts;
};

describe('gradeCalendar', () => {
	it('passes every rule for a plan that follows the brief', () => {
		const graded = gradeCalendar(lab, buildGoodPlan(lab), 80, t);
		expect(graded.rules.filter((r) => !r.passed).map((r) => r.id)).toEqual([]);
		expect(graded.score).toBe(100);
		expect(graded.passed).toBe(true);
	});
	it('fails post-count with too few posts', () => {
		expect(rule(buildGoodPlan(lab).slice(0, 5), 'post-count').passed).toBe(false);
	});
	it('fails complete when a post has no pillar, naming the post', () => {
		const r = rule(
			edit((p) => (p[2]!.pillar = '')),
			'complete',
		);
		expect(r.passed).toBe(false);
		expect(r.found).toBe('Check post(s): 3');
	});
	it('fails in-range for a date outside the two weeks', () => {
		expect(
			rule(
				edit((p) => (p[0]!.date = '2027-02-20')),
				'in-range',
			).passed,
		).toBe(false);
	});
	it('fails quiet-days for a post on the quiet day', () => {
		const quiet = getPlanDates(lab).find((d) => getWeekday(d) === lab.calendar.quietDays[0])!;
		expect(
			rule(
				edit((p) => (p[1]!.date = quiet)),
				'quiet-days',
			).passed,
		).toBe(false);
	});
	it('fails posting-hours for a post at 22:30', () => {
		expect(
			rule(
				edit((p) => (p[0]!.time = '22:30')),
				'posting-hours',
			).passed,
		).toBe(false);
	});
	it('fails platforms for a post on Facebook, which the client closed', () => {
		expect(
			rule(
				edit((p) => (p[0]!.platform = 'facebook')),
				'platforms',
			).passed,
		).toBe(false);
	});
	it('fails platform-limits for an X post over 280 characters, and passes one of exactly 280', () => {
		const x = (text: string) => edit((p) => Object.assign(p[0]!, { platform: 'x', text }));
		expect(rule(x('a'.repeat(281)), 'platform-limits').passed).toBe(false);
		expect(rule(x('a'.repeat(280)), 'platform-limits').passed).toBe(true);
	});
	it('fails platform-limits for an Instagram caption with six hashtags, and passes one with five', () => {
		const ig = (count: number) => {
			const tags = Array.from({ length: count }, (_, i) => `#tag${i}`).join(' ');
			return edit((p) =>
				Object.assign(p[0]!, { platform: 'instagram', text: `Revision tips ${tags}` }),
			);
		};
		expect(rule(ig(6), 'platform-limits').passed).toBe(false);
		expect(rule(ig(5), 'platform-limits').passed).toBe(true);
	});
	it('fails platform-limits for a LinkedIn post over 3,000 characters', () => {
		expect(
			rule(
				edit((p) => Object.assign(p[0]!, { platform: 'linkedin', text: 'b'.repeat(3001) })),
				'platform-limits',
			).passed,
		).toBe(false);
	});
	it('fails alt-text for an image post without alt text', () => {
		expect(
			rule(
				edit((p) => (p[0]!.alt = 'photo')),
				'alt-text',
			).passed,
		).toBe(false);
	});
	it('fails pillar-mix with three posts about the course when the brief allows two', () => {
		const r = rule(
			edit((p) => {
				p[0]!.pillar = 'revision-course';
				p[1]!.pillar = 'revision-course';
				p.push({ ...p[2]!, pillar: 'revision-course' });
			}),
			'pillar-mix',
		);
		expect(r.passed).toBe(false);
	});
	it('gives no credit for an empty plan', () => {
		const graded = gradeCalendar(lab, [], 80, t);
		expect(graded.score).toBe(0);
		expect(graded.passed).toBe(false);
	});
	it('every variant of the course lab can be passed', () => {
		for (const v of [0, 1]) {
			const variant = readLab(
				'social-media-management',
				'calendar-tutoring-two-weeks',
				v,
			) as CalendarLab;
			expect(gradeCalendar(variant, buildGoodPlan(variant), 80, t).passed).toBe(true);
		}
	});
});

describe('parseLabForm (calendar)', () => {
	const fields = (extra: Record<string, string>) =>
		new Map(
			Object.entries({ ...toCalendarFields(buildGoodPlan(lab)), ...extra }).map(([k, v]) => [
				k,
				[v],
			]),
		);
	it('reads the rows a browser posts', () => {
		const parsed = parseLabForm(lab, fields({}));
		expect(
			parsed.ok &&
				parsed.work.kind === 'calendar' &&
				parsed.work.posts.filter((p) => p.date).length,
		).toBe(buildGoodPlan(lab).length);
	});
	it('refuses a row beyond the form, an unknown platform, a bad date or an unknown field', () => {
		const cases: Record<string, string>[] = [
			{ 'date-40': '2027-03-02' },
			{ 'platform-0': 'myspace' },
			{ 'date-0': '2 March' },
			{ colour: 'red' },
		];
		for (const extra of cases) {
			expect(parseLabForm(lab, fields(extra)).ok, JSON.stringify(extra)).toBe(false);
		}
	});
});
