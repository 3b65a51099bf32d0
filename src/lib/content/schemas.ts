/**
 * Zod schemas for everything an author writes in `courses/`. Free of Astro runtime imports so that
 * the content collections (src/content.config.ts), `npm run content:check` and the tests share them.
 * The authoring guide (content/docs/authoring.mdx) documents the same fields for authors.
 */
import { LOCALES } from '../locales.ts';
import { z } from 'astro/zod';

/** Lowercase letters, digits and single hyphens, e.g. `unit-1-check`. */
export const SlugSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');

const Text = z.string().trim().min(1);

/** The certificate rule of a course. */
export const CertificateRuleSchema = z.strictObject({
	/** `all` non-optional lessons (default), or a list of lesson slugs that must be completed. */
	lessons: z.union([z.literal('all'), z.array(SlugSchema).min(1)]).default('all'),
	/** Ids of quizzes that must be passed. Default none. */
	quizzes: z.array(SlugSchema).default([]),
	/** Ids of graded projects (`<id>.project.yaml`) that must be passed. Default none. */
	projects: z.array(SlugSchema).default([]),
	/** Ids of simulated labs (`<id>.lab.yaml`) that must be passed. Default none. */
	labs: z.array(SlugSchema).default([]),
	/** Id of the final assessment quiz, if the course has one. */
	assessment: SlugSchema.optional(),
	/** Percent the assessment needs; defaults to the assessment quiz's own pass mark. */
	passMark: z.number().min(0).max(100).optional(),
});

/** Fields of `course.md` that carry words, the only ones a translation repeats. */
const courseTextFields = {
	/** Course title, e.g. "Excel for virtual assistants". */
	title: Text.max(120),
	/** One or two sentences for the catalogue card and meta description. */
	summary: Text.max(300),
	/** What a learner can do at the end; shown on the course page. */
	outcomes: z.array(Text).min(1),
	/** Short skill names printed on the certificate and in the credential. */
	skills: z.array(Text.max(60)).min(1),
	/** What a learner should know first. Default none. */
	prerequisites: z.array(Text).default([]),
};

/** A person shown on a course page. */
export const TeamMemberSchema = z.strictObject({
	/** Name as it should appear, e.g. "Nusrat Jahan". */
	name: Text.max(80),
	/** One line on their experience, e.g. "Virtual assistant for UK estate agents since 2019". */
	bio: Text.max(200),
});

/** The English course file, `courses/<slug>/course.md`. */
export function createCourseSchema<T extends z.ZodType>(cover: T) {
	return z.strictObject({
		...courseTextFields,
		/** Area of work: office, excel, email, social-media, communication, freelancing or other. */
		skillArea: z.enum([
			'office',
			'excel',
			'email',
			'social-media',
			'communication',
			'freelancing',
			'other',
		]),
		/** beginner, intermediate or advanced. */
		level: z.enum(['beginner', 'intermediate', 'advanced']),
		/** Languages the course is available in (at least partly). Default `[en]`. */
		languages: z.array(z.enum(LOCALES)).default(['en']),
		/** Estimated hours to finish; printed on the certificate. */
		hours: z.number().positive().max(500),
		/** Content version printed on certificates, e.g. '2026.1'. */
		version: z.coerce.string().default('1'),
		/** Position in the catalogue, smallest first (the same in every language). Default 100. */
		order: z.number().int().min(0).max(1000).default(100),
		/**
		 * The people behind the course, shown on the course page: a name and a one-line bio each.
		 * (`instructors` names accounts by email for analytics; addresses are never shown.) Default none.
		 */
		team: z.array(TeamMemberSchema).default([]),
		/** Emails of the instructor accounts who see this course's analytics. */
		instructors: z.array(z.email()).default([]),
		/** Optional cover image, relative to the course file. */
		cover: cover.optional(),
		/** Hide from the catalogue (still reachable by URL). Default false. */
		draft: z.boolean().default(false),
		/** Which lessons and quizzes earn the certificate. */
		certificate: CertificateRuleSchema.default({ lessons: 'all', quizzes: [], projects: [], labs: [] }),
	});
}

/**
 * In a translation (`*.bn.*`, `*.hi.*`): `sha256:` and the first 12 hex digits of the SHA-256 of the
 * English file it was translated from (`sha256sum <english file> | cut -c1-12`). `content:check`
 * warns when the English file has changed since: the translation may be stale.
 */
export const TranslatedFromSchema = z
	.string()
	.regex(/^sha256:[0-9a-f]{12}$/, 'write sha256: and the first 12 hex digits of the English file’s SHA-256')
	.optional();

/** A translation of the course file, `course.bn.md` / `course.hi.md`: only the words. */
export const CourseTranslationSchema = z.strictObject({
	translatedFrom: TranslatedFromSchema,
	title: courseTextFields.title,
	summary: courseTextFields.summary,
	outcomes: courseTextFields.outcomes.optional(),
	skills: courseTextFields.skills.optional(),
	prerequisites: z.array(Text).optional(),
	/** The team's names and bios in this language, in the English order. */
	team: z.array(TeamMemberSchema).optional(),
});

/** A unit, `<NN-unit>/unit.yaml` (and its `unit.bn.yaml` / `unit.hi.yaml` translations). */
export const UnitSchema = z.strictObject({
	/** Unit title shown in the outline. */
	title: Text.max(120),
	/** One or two paragraphs introducing the unit. */
	intro: Text.optional(),
	/** In `unit.bn.yaml` / `unit.hi.yaml`: the English file's hash (see TranslatedFromSchema). */
	translatedFrom: TranslatedFromSchema,
});

/** Lesson frontmatter, `<NN-unit>/<NN-lesson>.mdx`. */
export const LessonSchema = z.strictObject({
	/** Lesson title. */
	title: Text.max(140),
	/** One sentence for previews and the meta description. */
	description: Text.max(300).optional(),
	/** Estimated minutes to read and practise. */
	minutes: z.number().int().positive().max(600),
	/** What the learner will be able to do; rendered by <Objectives />. Default none. */
	objectives: z.array(Text).default([]),
	/** lesson (default), practice or assessment. */
	kind: z.enum(['lesson', 'practice', 'assessment']).default('lesson'),
	/** Optional lessons do not count towards the certificate. Default false. */
	optional: z.boolean().default(false),
});

/** A lesson translation's frontmatter: only the words. */
export const LessonTranslationSchema = z.strictObject({
	translatedFrom: TranslatedFromSchema,
	title: LessonSchema.shape.title,
	description: LessonSchema.shape.description,
	objectives: z.array(Text).optional(),
});

// ---------------------------------------------------------------- quizzes

const OptionSchema = z.strictObject({
	/** Option text as shown. */
	text: Text,
	/** Marks a correct option. Default false. */
	correct: z.boolean().default(false),
	/** Shown after submission when this option was chosen (as the reveal setting allows). */
	feedback: Text.optional(),
});

const questionBase = {
	/** Unique within the quiz. */
	id: SlugSchema,
	/** The question as shown (plain text; line breaks kept). */
	prompt: Text,
	/** Points this question is worth. Default 1. */
	points: z.number().positive().max(100).default(1),
	/** Shown after submission, as the quiz's reveal setting allows. */
	explanation: Text.optional(),
};

const exactlyOneCorrect = (options: { correct: boolean }[]) =>
	options.filter((o) => o.correct).length === 1;

export const QuestionSchema = z.discriminatedUnion('type', [
	z.strictObject({
		...questionBase,
		type: z.literal('single'),
		options: z
			.array(OptionSchema)
			.min(2)
			.refine(exactlyOneCorrect, 'a single-choice question needs exactly one correct option'),
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('multiple'),
		options: z
			.array(OptionSchema)
			.min(2)
			.refine((o) => o.some((x) => x.correct), 'mark at least one option correct'),
		/** all-or-nothing (default) or per-option partial credit. */
		scoring: z.enum(['all-or-nothing', 'per-option']).default('all-or-nothing'),
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('true-false'),
		/** The correct answer. */
		answer: z.boolean(),
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('short-text'),
		/** Accepted answers; matching ignores case, spacing, punctuation and Unicode form. */
		accept: z.array(z.coerce.string().trim().min(1)).min(1),
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('numeric'),
		answer: z.number(),
		/** Absolute tolerance. Default 0. */
		tolerance: z.number().min(0).default(0),
		/** Unit shown next to the box, e.g. `%`; typing it before or after the number is accepted. */
		unit: z.string().optional(),
		/**
		 * More units or currency words a learner may type around the number, in any language, e.g.
		 * `[Rs, ₹, টাকা, रुपये]`. Default none.
		 */
		acceptUnits: z.array(z.string().trim().min(1)).default([]),
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('ordering'),
		/** Items in the correct order; shown shuffled. */
		items: z.array(Text).min(3),
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('matching'),
		/** Pairs to match; the right-hand sides are offered for each left-hand side. */
		pairs: z.array(z.strictObject({ left: Text, right: Text })).min(2),
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('fill-blanks'),
		/** Sentence with blanks written `[[answer]]` or `[[answer|alternative]]`. */
		text: Text.refine((t) => /\[\[[^\]]+\]\]/.test(t), 'add at least one [[blank]]'),
		/** Optional: the prompt defaults to "Fill in the blanks". */
		prompt: Text.optional(),
	}),
]);

/** A quiz file, `<NN-unit>/<id>.quiz.yaml`. */
export const QuizSchema = z
	.strictObject({
		/** Quiz title. */
		title: Text.max(140),
		/** In a translation: the English file's hash (see TranslatedFromSchema). */
		translatedFrom: TranslatedFromSchema,
		/** Percent needed to pass. Default 70. */
		passMark: z.number().min(0).max(100).default(70),
		/** Attempts allowed: a number or `unlimited` (default). */
		attempts: z.union([z.number().int().positive(), z.literal('unlimited')]).default('unlimited'),
		/** Minutes to wait between attempts. Default 0. */
		cooldownMinutes: z.number().min(0).default(0),
		/** Optional time limit in minutes, enforced by the server. */
		timeLimitMinutes: z.number().positive().optional(),
		/** Shuffle question order per attempt. Default false. */
		shuffleQuestions: z.boolean().default(false),
		/** Shuffle options per attempt. Default true. */
		shuffleOptions: z.boolean().default(true),
		/** Draw this many questions from the pool per attempt. Default all. */
		draw: z.number().int().positive().optional(),
		/**
		 * What a submission reveals. `feedback` (recommended for unit quizzes): per answered question
		 * right or wrong, the chosen options' feedback and the explanation, but not the correct answer
		 * until the learner has passed, then the full review. `after-each-attempt`: the full review
		 * every time. `after-passing`: the score only until passed, then the full review. `never`: the
		 * score only. Default after-each-attempt.
		 */
		reveal: z.enum(['feedback', 'after-each-attempt', 'after-passing', 'never']).default('after-each-attempt'),
		/** all-at-once (default) or one-at-a-time. */
		display: z.enum(['all-at-once', 'one-at-a-time']).default('all-at-once'),
		/** A final assessment: no anonymous practice. Default false. */
		final: z.boolean().default(false),
		questions: z.array(QuestionSchema).min(1),
	})
	.superRefine((quiz, ctx) => {
		const seen = new Set<string>();
		quiz.questions.forEach((q, i) => {
			if (seen.has(q.id))
				ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
			seen.add(q.id);
		});
		if (quiz.draw !== undefined && quiz.draw > quiz.questions.length)
			ctx.addIssue({
				code: 'custom',
				path: ['draw'],
				message: `draw is ${quiz.draw} but the quiz has only ${quiz.questions.length} questions`,
			});
	});

export type CertificateRule = z.infer<typeof CertificateRuleSchema>;
export type UnitData = z.infer<typeof UnitSchema>;
export type LessonData = z.infer<typeof LessonSchema>;
export type LessonTranslationData = z.infer<typeof LessonTranslationSchema>;
export type CourseTranslationData = z.infer<typeof CourseTranslationSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Quiz = z.infer<typeof QuizSchema>;
