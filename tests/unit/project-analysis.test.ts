import { describe, expect, it } from 'vitest';
import { analyseProject } from '../../src/lib/projects/analysis.ts';
import type { GradedStep } from '../../src/lib/projects/types.ts';

const project = {
	id: 'p',
	title: 'P',
	steps: [
		{ id: 'a', title: 'A' },
		{ id: 'b', title: 'B' },
	],
};
const graded = (a: GradedStep['status'], b: GradedStep['status']): GradedStep[] => [
	{ id: 'a', points: a === 'passed' ? 10 : 0, max: 10, status: a, messages: [] },
	{ id: 'b', points: b === 'passed' ? 10 : 0, max: 10, status: b, messages: [] },
];

describe('analyseProject', () => {
	it('counts only each learner first upload, and flags a step most learners fail first time', () => {
		const result = analyseProject(project, [
			{ userId: 'u1', passed: false, steps: graded('passed', 'not-yet') },
			{ userId: 'u1', passed: true, steps: graded('passed', 'passed') },
			{ userId: 'u2', passed: false, steps: graded('passed', 'partly') },
			{ userId: 'u3', passed: true, steps: graded('passed', 'passed') },
		]);
		expect(result.learners).toBe(3);
		expect(result.passed).toBe(2);
		expect(result.steps.map((s) => [s.stepId, s.passedFirst, s.flagged])).toEqual([
			['a', 3, false],
			['b', 1, true],
		]);
		expect(result.steps[1]!.share).toBeCloseTo(1 / 3);
	});

	it('does not flag a step with fewer than three learners', () => {
		const result = analyseProject(project, [
			{ userId: 'u1', passed: false, steps: graded('not-yet', 'not-yet') },
		]);
		expect(result.steps.every((s) => !s.flagged && s.share === 0)).toBe(true);
	});

	it('reports no share without uploads', () => {
		expect(analyseProject(project, []).steps[0]).toMatchObject({
			learners: 0,
			share: null,
			flagged: false,
		});
	});
});
