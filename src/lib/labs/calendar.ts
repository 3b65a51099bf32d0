/**
 * Grading a two-week content calendar. Pure: the planned posts in, one result per rule out.
 *
 * Every date and time is in the client's time zone (the form says so), so a post's weekday is the
 * weekday of its date. Rules, in report order: number of posts, every post complete, dates inside
 * the plan, no post on a quiet day, times inside posting hours, only the client's platforms, text
 * within each platform's limits, alt text for every image post, and the pillar mix.
 */
import type { Translate } from '../i18n.ts';
import { WEEKDAYS, type CalendarLab } from './schema.ts';
import { summariseRules, type LabGrade, type RuleResult } from './types.ts';

/** A planned post as submitted (empty strings for empty fields). */
export interface PlannedPost {
	date: string;
	time: string;
	platform: string;
	pillar: string;
	text: string;
	image: boolean;
	alt: string;
}

/** Caption limits per platform: characters, and hashtags where the platform caps them. */
export const PLATFORM_LIMITS: Record<string, { chars: number; hashtags?: number }> = {
	x: { chars: 280 },
	// Five since Instagram's December 2025 change (was 30); checked December 2026.
	instagram: { chars: 2200, hashtags: 5 },
	linkedin: { chars: 3000 },
	facebook: { chars: 63_206 },
};

/** Most characters accepted in one post's text or alt text (above every platform limit we grade). */
export const MAX_POST_CHARS = 4000;

/** Characters as a platform counts them (code points). */
export const countChars = (text: string) => [...text].length;
const countHashtags = (text: string) => text.match(/(^|\s)#[\p{L}\p{M}\p{N}_]+/gu)?.length ?? 0;

/** Weekday name of a `YYYY-MM-DD` date. */
export function getWeekday(date: string): (typeof WEEKDAYS)[number] {
	const day = new Date(`${date}T00:00:00Z`).getUTCDay();
	return WEEKDAYS[(day + 6) % 7]!;
}

/** The plan's dates, `YYYY-MM-DD`, in order. */
export function getPlanDates(lab: CalendarLab): string[] {
	const start = Date.parse(`${lab.calendar.startDate}T00:00:00Z`);
	return Array.from({ length: lab.calendar.days }, (_, i) =>
		new Date(start + i * 86_400_000).toISOString().slice(0, 10),
	);
}

/** True when a row has anything in it (empty rows are ignored). */
export const isUsedRow = (p: PlannedPost) =>
	Boolean(p.date || p.time || p.text.trim() || p.alt.trim() || p.image);

/** Grades a plan. `t` words the rules and findings in the attempt's language. */
export function gradeCalendar(
	lab: CalendarLab,
	rows: PlannedPost[],
	passMark: number,
	t: Translate,
): LabGrade {
	const c = lab.calendar;
	const posts = rows.filter(isUsedRow);
	const dates = new Set(getPlanDates(lab));
	const list = (items: number[]) => items.map((i) => i + 1).join(', ');
	const rowsWhere = (bad: (p: PlannedPost) => boolean) =>
		posts.flatMap((p, i) => (bad(p) ? [i] : []));
	const rule = (
		id: string,
		label: string,
		bad: number[],
		total = posts.length,
		extra: Partial<RuleResult> = {},
	): RuleResult => {
		const credit = total === 0 ? 0 : Math.max(0, (total - bad.length) / total);
		const passed = total > 0 && bad.length === 0;
		return {
			id,
			label,
			credit: Math.round(credit * 1000) / 1000,
			points: 1,
			passed,
			critical: false,
			...(bad.length ? { found: t('lab.calendar.foundPosts', { posts: list(bad) }) } : {}),
			...extra,
		};
	};
	const results: RuleResult[] = [];
	const countOk = posts.length >= c.posts.min && posts.length <= c.posts.max;
	results.push({
		id: 'post-count',
		label: t('lab.calendar.rule.count', { min: c.posts.min, max: c.posts.max }),
		credit: countOk ? 1 : 0,
		points: 1,
		passed: countOk,
		critical: false,
		found: t('lab.calendar.foundCount', { count: posts.length }),
	});
	results.push(
		rule(
			'complete',
			t('lab.calendar.rule.complete'),
			rowsWhere((p) => !p.date || !p.time || !p.platform || !p.pillar || !p.text.trim()),
		),
	);
	results.push(
		rule(
			'in-range',
			t('lab.calendar.rule.inRange'),
			rowsWhere((p) => !dates.has(p.date)),
		),
	);
	if (c.quietDays.length > 0) {
		const quiet = new Set<string>(c.quietDays);
		results.push(
			rule(
				'quiet-days',
				t('lab.calendar.rule.quietDays'),
				rowsWhere((p) => dates.has(p.date) && quiet.has(getWeekday(p.date))),
			),
		);
	}
	results.push(
		rule(
			'posting-hours',
			t('lab.calendar.rule.hours', { from: c.hours.from, to: c.hours.to }),
			rowsWhere(
				(p) => !/^\d{2}:\d{2}$/.test(p.time) || p.time < c.hours.from || p.time > c.hours.to,
			),
		),
	);
	results.push(
		rule(
			'platforms',
			t('lab.calendar.rule.platforms'),
			rowsWhere((p) => !(c.platforms as string[]).includes(p.platform)),
		),
	);
	results.push(
		rule(
			'platform-limits',
			t('lab.calendar.rule.limits'),
			rowsWhere((p) => {
				const limit = PLATFORM_LIMITS[p.platform];
				return Boolean(
					limit &&
					(countChars(p.text) > limit.chars ||
						(limit.hashtags !== undefined && countHashtags(p.text) > limit.hashtags)),
				);
			}),
		),
	);
	const imagePosts = posts.filter((p) => p.image);
	const noAlt = posts.flatMap((p, i) => (p.image && p.alt.trim().length < c.minAltText ? [i] : []));
	results.push({
		...rule(
			'alt-text',
			t('lab.calendar.rule.altText', { min: c.minAltText }),
			noAlt,
			imagePosts.length,
		),
		...(imagePosts.length === 0
			? { credit: 0, passed: false, found: t('lab.calendar.foundNoImages') }
			: {}),
	});
	const counts = c.pillars.map((pillar) => ({
		pillar,
		count: posts.filter((p) => p.pillar === pillar.id).length,
	}));
	const off = counts.filter(
		({ pillar, count }) => count < pillar.min || (pillar.max !== undefined && count > pillar.max),
	);
	results.push({
		id: 'pillar-mix',
		label: t('lab.calendar.rule.pillars'),
		credit: Math.round(((counts.length - off.length) / counts.length) * 1000) / 1000,
		points: 1,
		passed: off.length === 0 && posts.length > 0,
		critical: false,
		found: counts.map(({ pillar, count }) => `${pillar.label}: ${count}`).join(' · '),
	});
	if (posts.length === 0) for (const r of results) Object.assign(r, { credit: 0, passed: false });
	return summariseRules(results, passMark);
}
