/**
 * Per-rule pass rates of a course's labs, for instructor analytics: for every lab embedded in the
 * course, each rule (or inbox message) with the number of submitted attempts graded on it, the
 * share that fully met it and the average credit. Rules are labelled in the page's language.
 */
import { sql } from 'drizzle-orm';
import type { Course } from '../../courses.ts';
import { createTranslator, type Locale } from '../../i18n.ts';
import { gradeLab } from '../../labs/grade.ts';
import type { Lab } from '../../labs/schema.ts';
import type { LabWork } from '../../labs/submission.ts';
import { db } from '../db.ts';
import { loadLab } from './load.ts';

export interface LabRuleRate {
	ruleId: string;
	label: string;
	attempts: number;
	/** Share of attempts that fully met the rule, 0–1. */
	metShare: number;
	/** Average credit, 0–1. */
	averageCredit: number;
}

export interface LabRates {
	labId: string;
	title: string;
	submitted: number;
	passed: number;
	rules: LabRuleRate[];
}

const EMPTY_WORK: Record<Lab['kind'], LabWork> = {
	proposal: { kind: 'proposal', text: '' },
	calendar: { kind: 'calendar', posts: [] },
	inbox: { kind: 'inbox', actions: {} },
};

/** Every lab of the course with its per-rule figures (rules with no attempts yet included). */
export async function getLabRuleRates(course: Course, locale: Locale): Promise<LabRates[]> {
	const labIds = [...new Set(course.lessons.flatMap((l) => l.labIds))];
	if (labIds.length === 0) return [];
	const [ruleRows, attemptRows] = await Promise.all([
		db.all<{ lab_id: string; rule_id: string; n: number; met: number; credit: number }>(sql`
			select a.lab_id, r.rule_id, count(*) as n, sum(case when r.credit >= 1 then 1 else 0 end) as met, avg(r.credit) as credit
			from lab_rule_result r join lab_attempt a on a.id = r.attempt_id
			where a.course_slug = ${course.slug} group by a.lab_id, r.rule_id`),
		db.all<{ lab_id: string; n: number; passed: number }>(sql`
			select lab_id, count(*) as n, sum(passed) as passed from lab_attempt
			where course_slug = ${course.slug} and submitted_at is not null group by lab_id`),
	]);
	const t = createTranslator(locale);
	const out: LabRates[] = [];
	for (const labId of labIds) {
		const loaded = await loadLab(course.slug, labId, locale);
		if (!loaded) continue;
		// The rules in report order, labelled as the learner sees them (grading empty work names them all).
		const rules = gradeLab(loaded.lab, EMPTY_WORK[loaded.lab.kind], t).rules;
		const counts = attemptRows.find((r) => r.lab_id === labId);
		out.push({
			labId,
			title: loaded.lab.title,
			submitted: Number(counts?.n ?? 0),
			passed: Number(counts?.passed ?? 0),
			rules: rules.map((rule) => {
				const row = ruleRows.find((r) => r.lab_id === labId && r.rule_id === rule.id);
				const n = Number(row?.n ?? 0);
				return {
					ruleId: rule.id,
					label: rule.label,
					attempts: n,
					metShare: n ? Number(row!.met) / n : 0,
					averageCredit: n ? Number(row!.credit) : 0,
				};
			}),
		});
	}
	return out;
}
