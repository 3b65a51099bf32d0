/**
 * The graded-project file, `<NN-unit>/<id>.project.yaml`, and its word-only translations
 * `<id>.project.bn.yaml` / `<id>.project.hi.yaml`.
 *
 * A project is a scenario, a start-file builder (which makes each attempt's personalised file from
 * a seed) and numbered steps; each step is worth points and holds one or more checks from the
 * check library (src/lib/projects/checks/, documented in content/docs/authoring.mdx). A step's
 * points are shared equally among its checks; each check returns a share from 0 to 1.
 *
 * Free of Astro runtime imports: the content collections, `npm run content:check`, the grading
 * worker and the tests all read it.
 */
import { z } from 'astro/zod';
import { SlugSchema, TranslatedFromSchema } from '../content/schemas.ts';

const Text = z.string().trim().min(1);

/**
 * One check of a step: `check` names the check type (e.g. `xlsx.formula`); every other field is a
 * parameter of that check. A string parameter starting with `$` names a value the start-file
 * builder computed for the attempt (e.g. `expected: $totalByRegion`).
 * @example { check: 'xlsx.formula', cell: 'Summary!B2', functions: [SUMIFS], expected: $northTotal }
 */
export const ProjectCheckSchema = z
	.object({
		/** The check type, from the check library. */
		check: z.string().regex(/^(xlsx|docx|pptx)\.[a-z-]+$/, 'use a check type such as xlsx.formula'),
	})
	.catchall(z.unknown());

/** A numbered step of the project. */
export const ProjectStepSchema = z.strictObject({
	/** Unique within the project; used in reports and the instructor's step analysis. */
	id: SlugSchema,
	/** Short name of the step, e.g. "Look up each price". */
	title: Text.max(140),
	/** What to do, in Markdown. */
	text: Text,
	/** Points the step is worth. Default 10. */
	points: z.number().positive().max(100).default(10),
	/** Shown with the step in the report when it is not fully passed. Never the solution. */
	hint: Text.optional(),
	/** The checks that grade this step (at least one). */
	checks: z.array(ProjectCheckSchema).min(1),
});

/** A project file, `<NN-unit>/<id>.project.yaml`. */
export const ProjectSchema = z
	.strictObject({
		/** Project title. */
		title: Text.max(140),
		/** One sentence on what the learner does; also the credential's evidence description. */
		summary: Text.max(300),
		/** The client's situation, in Markdown, shown above the steps. */
		scenario: Text,
		/** The application family: `excel` (.xlsx), `word` (.docx) or `powerpoint` (.pptx). */
		app: z.enum(['excel', 'word', 'powerpoint']),
		/** Id of the start-file builder (src/lib/projects/builders/). */
		builder: SlugSchema,
		/** Percent needed to pass. Default 80. */
		passMark: z.number().min(0).max(100).default(80),
		/** Graded uploads allowed: a number or `unlimited` (default). */
		attempts: z.union([z.number().int().positive(), z.literal('unlimited')]).default('unlimited'),
		/** Minutes to wait between graded uploads. Default 0. */
		cooldownMinutes: z.number().min(0).default(0),
		/** Notes for learners on other applications (e.g. what Google Sheets does not export). */
		appNotes: Text.optional(),
		steps: z.array(ProjectStepSchema).min(1),
	})
	.superRefine((project, ctx) => {
		const seen = new Set<string>();
		project.steps.forEach((s, i) => {
			if (seen.has(s.id))
				ctx.addIssue({
					code: 'custom',
					path: ['steps', i, 'id'],
					message: `duplicate step id "${s.id}"`,
				});
			seen.add(s.id);
			s.checks.forEach((c, j) => {
				if (!c.check.startsWith(`${FILE_KIND[project.app]}.`))
					ctx.addIssue({
						code: 'custom',
						path: ['steps', i, 'checks', j, 'check'],
						message: `a ${project.app} project uses ${FILE_KIND[project.app]}.* checks, not ${c.check}`,
					});
			});
		});
	});

/** A translation: the words only; steps are matched to the English ones by id. */
export const ProjectTranslationSchema = z.strictObject({
	translatedFrom: TranslatedFromSchema,
	title: Text.max(140),
	summary: Text.max(300).optional(),
	scenario: Text.optional(),
	appNotes: Text.optional(),
	steps: z
		.array(
			z.strictObject({
				id: SlugSchema,
				title: Text.max(140).optional(),
				text: Text.optional(),
				hint: Text.optional(),
			}),
		)
		.default([]),
});

/** File kind per application. */
export const FILE_KIND = { excel: 'xlsx', word: 'docx', powerpoint: 'pptx' } as const;

export type Project = z.infer<typeof ProjectSchema>;
export type ProjectStep = z.infer<typeof ProjectStepSchema>;
export type ProjectCheck = z.infer<typeof ProjectCheckSchema>;
export type ProjectTranslation = z.infer<typeof ProjectTranslationSchema>;

/** The English project with a translation's words laid over it (checks and points stay English). */
export function mergeProjectTranslation(en: Project, tr: ProjectTranslation | undefined): Project {
	if (!tr) return en;
	const byId = new Map(tr.steps.map((s) => [s.id, s]));
	return {
		...en,
		title: tr.title,
		summary: tr.summary ?? en.summary,
		scenario: tr.scenario ?? en.scenario,
		appNotes: tr.appNotes ?? en.appNotes,
		steps: en.steps.map((s) => {
			const t = byId.get(s.id);
			return t
				? { ...s, title: t.title ?? s.title, text: t.text ?? s.text, hint: t.hint ?? s.hint }
				: s;
		}),
	};
}

/** Problems of a translation against its English project (unknown step ids). */
export function compareProjectTranslation(en: Project, tr: ProjectTranslation): string[] {
	const ids = new Set(en.steps.map((s) => s.id));
	return tr.steps
		.filter((s) => !ids.has(s.id))
		.map((s) => `translation has step "${s.id}", which English does not`);
}

/** The check's parameters: every field but `check`. */
export function getCheckParams(check: ProjectCheck): Record<string, unknown> {
	const { check: _type, ...params } = check;
	return params;
}
