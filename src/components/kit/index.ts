/**
 * The author component kit: every component a lesson can use without an import. The lesson page
 * passes this object to the MDX `<Content components={…} />`. Documented for authors in
 * content/docs/authoring.mdx.
 */
import type { KitComponent } from '~/lib/content/kit-rules.ts';
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import Download from './Download.astro';
import Figure from './Figure.astro';
import Glossary from './Glossary.astro';
import Kbd from './Kbd.astro';
import Lab from './Lab.astro';
import Objectives from './Objectives.astro';
import Project from './Project.astro';
import Quiz from './Quiz.astro';
import Scenario from './Scenario.astro';
import Solution from './Solution.astro';
import Steps from './Steps.astro';

/** One entry for each name of KIT_COMPONENTS (kit-rules.ts, which the content check reads too). */
export const kit = {
	Callout,
	Checklist,
	Download,
	Figure,
	Glossary,
	Kbd,
	Lab,
	Objectives,
	Project,
	Quiz,
	Scenario,
	Solution,
	Steps,
} satisfies Record<KitComponent, unknown>;
