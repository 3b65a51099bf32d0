/**
 * Shapes shared by the lab engine, its pages and its tests: the graded report of a submission
 * (one entry per rule or per inbox message) and the learner's standing.
 */

/** One line of the report. */
export interface RuleResult {
	/** Rule id (proposal, calendar) or message id (inbox). */
	id: string;
	/** What was checked, in the attempt's language. */
	label: string;
	/** Share of the rule's points earned, 0–1. */
	credit: number;
	/** Weight of the rule in the score. */
	points: number;
	/** Fully met. */
	passed: boolean;
	/** Missing a critical rule fails the lab whatever the score. */
	critical: boolean;
	/** What the grader found, for the learner (e.g. "312 words"); always shown. */
	found?: string;
	/** What was expected and why (hints, expected actions); shown as the reveal setting allows. */
	expected?: string[];
}

/** A graded submission. */
export interface LabGrade {
	rules: RuleResult[];
	/** Percent, 0–100, one decimal. */
	score: number;
	passed: boolean;
}

/** Score and verdict from rule results. */
export function summariseRules(rules: RuleResult[], passMark: number): LabGrade {
	const total = rules.reduce((s, r) => s + r.points, 0);
	const earned = rules.reduce((s, r) => s + r.points * r.credit, 0);
	const score = total === 0 ? 0 : Math.round((earned / total) * 1000) / 10;
	const passed = score >= passMark && !rules.some((r) => r.critical && !r.passed);
	return { rules, score, passed };
}
