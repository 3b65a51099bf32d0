import { describe, expect, it } from 'vitest';
import {
	createEmptyRecord,
	getMissingItems,
	getPassMark,
	getRequiredItems,
	summariseRecord,
	verifyEligible,
	type LearnerRecord,
} from '../../src/lib/course-progress.ts';
import type { Course, LessonRef } from '../../src/lib/courses.ts';

function lesson(slug: string, extra: Partial<LessonRef> = {}): LessonRef {
	return {
		slug,
		id: `c/u/${slug}`,
		title: slug.toUpperCase(),
		minutes: 5,
		kind: 'lesson',
		optional: false,
		unitSlug: 'u',
		translated: true,
		quizIds: [],
		projectIds: [],
		labIds: [],
		...extra,
	};
}

function course(certificate: Partial<Course['certificate']> = {}): Course {
	const lessons = [
		lesson('intro'),
		lesson('tables', { quizIds: ['unit-1'] }),
		lesson('project', { kind: 'practice', projectIds: ['budget'] }),
		lesson('inbox', { labIds: ['triage'] }),
		lesson('review', { kind: 'assessment', quizIds: ['final'] }),
	];
	return {
		slug: 'c',
		locale: 'en',
		title: 'C',
		summary: '',
		outcomes: [],
		skills: [],
		prerequisites: [],
		skillArea: 'excel',
		level: 'beginner',
		languages: ['en'],
		hours: 1,
		version: '1',
		instructors: [],
		order: 0,
		team: [],
		draft: false,
		units: [{ slug: 'u', title: 'U', lessons }],
		lessons,
		certificate: {
			lessons: lessons.map((l) => l.slug),
			quizzes: ['unit-1'],
			projects: ['budget'],
			labs: ['triage'],
			assessment: 'final',
			...certificate,
		},
		entryId: 'c',
	};
}

function record(done: {
	lessons?: string[];
	quiz?: string[];
	project?: string[];
	lab?: string[];
}): LearnerRecord {
	const r = createEmptyRecord();
	for (const l of done.lessons ?? []) r.completedLessons.add(l);
	for (const id of done.quiz ?? []) r.passed.quiz.add(id);
	for (const id of done.project ?? []) r.passed.project.add(id);
	for (const id of done.lab ?? []) r.passed.lab.add(id);
	return r;
}

const allLessons = ['intro', 'tables', 'project', 'inbox', 'review'];

describe('getRequiredItems', () => {
	it('lists lessons, quizzes, projects and labs once each, with the lesson that embeds each', () => {
		const items = getRequiredItems(course({ quizzes: ['unit-1', 'final'] }));
		expect(items.map((i) => `${i.kind}:${i.id}@${i.lesson?.slug}`)).toEqual([
			'lesson:intro@intro',
			'lesson:tables@tables',
			'lesson:project@project',
			'lesson:inbox@inbox',
			'lesson:review@review',
			'quiz:unit-1@tables',
			'quiz:final@review',
			'project:budget@project',
			'lab:triage@inbox',
		]);
		expect(items.filter((i) => i.assessment).map((i) => i.id)).toEqual(['final']);
	});
});

describe('getMissingItems', () => {
	it('puts a missed quiz before later lessons, in course order', () => {
		const missing = getMissingItems(course(), record({ lessons: ['intro', 'tables'] }));
		expect(missing.map((m) => `${m.kind}:${m.id}`)).toEqual([
			'quiz:unit-1',
			'lesson:project',
			'project:budget',
			'lesson:inbox',
			'lab:triage',
			'lesson:review',
			'quiz:final',
		]);
	});

	it('names a project that is still missing when every lesson is complete', () => {
		const missing = getMissingItems(
			course(),
			record({ lessons: allLessons, quiz: ['unit-1', 'final'], lab: ['triage'] }),
		);
		expect(missing.map((m) => `${m.kind}:${m.id}`)).toEqual(['project:budget']);
	});
});

describe('verifyEligible', () => {
	it('is false while a required lab is not passed and true once everything is', () => {
		const nearly = { lessons: allLessons, quiz: ['unit-1', 'final'], project: ['budget'] };
		expect(verifyEligible(course(), record(nearly))).toBe(false);
		expect(verifyEligible(course(), record({ ...nearly, lab: ['triage'] }))).toBe(true);
	});

	it('does not count passed work the rule does not require', () => {
		const c = course({ projects: [], labs: [] });
		expect(verifyEligible(c, record({ lessons: allLessons, quiz: ['unit-1'] }))).toBe(false);
		expect(verifyEligible(c, record({ lessons: allLessons, quiz: ['unit-1', 'final'] }))).toBe(
			true,
		);
	});
});

describe('summariseRecord', () => {
	it('continues at the first missing item, not the last lesson opened, once that lesson is done', () => {
		const summary = summariseRecord(
			course(),
			record({ lessons: allLessons, quiz: ['final'] }),
			'review',
		);
		expect(summary.next?.slug).toBe('tables');
		expect(summary.done).toBe(6);
		expect(summary.required).toBe(9);
		expect(summary.percent).toBe(67);
	});

	it('returns to the last lesson opened while it is unfinished', () => {
		expect(summariseRecord(course(), record({ lessons: ['intro'] }), 'inbox').next?.slug).toBe(
			'inbox',
		);
	});

	it('has nowhere to continue once the course is finished', () => {
		const all = record({
			lessons: allLessons,
			quiz: ['unit-1', 'final'],
			project: ['budget'],
			lab: ['triage'],
		});
		const summary = summariseRecord(course(), all, 'review');
		expect(summary.next).toBeUndefined();
		expect(summary.percent).toBe(100);
		expect(summary.missing).toEqual([]);
	});
});

describe('getPassMark', () => {
	it("uses the course's pass mark for its final assessment and the quiz's own elsewhere", () => {
		const c = course({ passMark: 80 });
		expect(getPassMark(c, 'final', 70)).toBe(80);
		expect(getPassMark(c, 'unit-1', 70)).toBe(70);
		expect(getPassMark(course(), 'final', 70)).toBe(70);
	});
});
