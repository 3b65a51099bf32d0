/**
 * Per-project step analysis for instructors (pure): for each step, the share of learners who
 * passed it on their FIRST graded upload. A step most learners fail first time (share below one
 * half, with at least three learners) is flagged as a teaching problem: the lessons before it, or
 * the step's wording, probably need work.
 */
import type { GradedStep } from './types.ts';

export interface StepAnalysis {
	stepId: string;
	title: string;
	/** Learners whose first upload was graded. */
	learners: number;
	/** Of those, how many passed this step in full. */
	passedFirst: number;
	/** passedFirst / learners, or null without learners. */
	share: number | null;
	/** True when most learners fail the step on their first upload. */
	flagged: boolean;
}

export interface ProjectAnalysis {
	projectId: string;
	title: string;
	learners: number;
	/** Learners who have passed the project (any upload). */
	passed: number;
	steps: StepAnalysis[];
}

/** Fewest learners before a step can be flagged (one or two learners say little). */
export const MIN_LEARNERS_TO_FLAG = 3;

/** Analyses one project from every graded upload of it, oldest first. */
export function analyseProject(
	project: { id: string; title: string; steps: { id: string; title: string }[] },
	uploads: { userId: string; passed: boolean; steps: GradedStep[] }[],
): ProjectAnalysis {
	const first = new Map<string, GradedStep[]>();
	const passed = new Set<string>();
	for (const u of uploads) {
		if (!first.has(u.userId)) first.set(u.userId, u.steps);
		if (u.passed) passed.add(u.userId);
	}
	const learners = first.size;
	const steps = project.steps.map((s): StepAnalysis => {
		const passedFirst = [...first.values()].filter(
			(steps) => steps.find((x) => x.id === s.id)?.status === 'passed',
		).length;
		const share = learners === 0 ? null : passedFirst / learners;
		return {
			stepId: s.id,
			title: s.title,
			learners,
			passedFirst,
			share,
			flagged: share !== null && learners >= MIN_LEARNERS_TO_FLAG && share < 0.5,
		};
	});
	return { projectId: project.id, title: project.title, learners, passed: passed.size, steps };
}
