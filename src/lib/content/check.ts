/**
 * The content check behind `npm run content:check`: validates every course in a folder and
 * returns ALL problems, each with file and line. No Astro runtime imports, so it runs as a plain
 * Node script and in unit tests.
 *
 * It checks: frontmatter/YAML against the schemas (schema errors point at the offending line),
 * MDX syntax, author components (unknown components, invalid props, missing files/images, dangling
 * quiz ids), internal links to courses, lessons, docs and downloads, duplicate lesson slugs and
 * quiz ids within a course, quiz questions without a correct answer (via the schema), translated
 * quizzes that differ in structure from the English one, and certificate rules that name missing
 * lessons or quizzes, and the item-writing rules of every quiz (./item-lint.ts; some are warnings).
 * Translations also get the glossary, digits and stale-translation warnings of ./translations.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mdxToMdast } from 'satteri';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import {
	CertificateRuleSchema,
	CourseTranslationSchema,
	LessonSchema,
	LessonTranslationSchema,
	QuizSchema,
	UnitSchema,
	createCourseSchema,
	type Quiz,
} from './schemas.ts';
import { z as zod } from 'astro/zod';
import { checkProjectFile } from '../projects/content-check.ts';
import { lintQuiz } from './item-lint.ts';
import { checkLabFiles, type LabRef } from '../labs/check.ts';
import { TRANSLATION_LOCALE_PATTERN, TRANSLATION_LOCALES } from '../locales.ts';
import { CALLOUT_TYPES, isKitComponent, KIT_COMPONENTS, REQUIRED_PROPS, type RequiredProp } from './kit-rules.ts';
import { checkTranslations } from './translations.ts';

export interface Problem {
	file: string;
	line: number;
	message: string;
	/** `warning` for problems that print but do not fail the check; absent for errors. */
	severity?: 'warning';
}

interface Parsed<T> {
	data?: T;
	/** The YAML as parsed, even when the schema refused it. */
	raw?: Record<string, unknown>;
	body: string;
	bodyLine: number;
}

const IMAGE_EXT = /\.(png|jpe?g|webp|avif|gif|svg)$/i;
const TRANSLATED_MDX = new RegExp(`\\.(${TRANSLATION_LOCALE_PATTERN})\\.mdx$`);
const LOCALE_PREFIX = new RegExp(`^/(${TRANSLATION_LOCALE_PATTERN})(?=/|$)`);

const stripPrefix = (name: string) => name.replace(/^\d+[-_]/, '');

/** Options of `checkCourses`. */
export interface CheckOptions {
	/**
	 * Apply the item-writing rules (./item-lint.ts) to quizzes. Default true; the engine's test
	 * fixtures turn it off (their tiny quizzes test attempt rules, not item writing).
	 */
	itemLint?: boolean;
	/** Folder with glossary.bn.yaml / glossary.hi.yaml. Default `<repoRoot>/content/i18n`. */
	i18nDir?: string;
}

/** Checks every course under `coursesDir`; `repoRoot` makes file names relative for messages. */
export async function checkCourses(coursesDir: string, repoRoot: string, docsDir?: string, options: CheckOptions = {}): Promise<Problem[]> {
	const itemLint = options.itemLint ?? true;
	const problems: Problem[] = [];
	const rel = (p: string) => relative(repoRoot, p);
	const add: Add = (file, line, message, severity) => problems.push({ file: rel(file), line, message, ...(severity === 'warning' ? { severity } : {}) });
	if (!existsSync(coursesDir)) return problems;
	const docs = docsDir && existsSync(docsDir) ? readdirSync(docsDir).filter((f) => /\.mdx?$/.test(f)).map((f) => f.replace(/\.mdx?$/, '')) : [];

	const courseSlugs = readdirSync(coursesDir).filter((d) => statSync(join(coursesDir, d)).isDirectory() && !d.startsWith('.') && !d.startsWith('_'));
	// First pass: lesson slugs per course (for link checks across courses).
	const lessonsByCourse = new Map<string, Set<string>>();
	for (const slug of courseSlugs) {
		const set = new Set<string>();
		for (const unit of listUnits(join(coursesDir, slug))) for (const f of listLessons(join(coursesDir, slug, unit))) set.add(stripPrefix(f.replace(/\.mdx$/, '')));
		lessonsByCourse.set(slug, set);
	}

	for (const slug of courseSlugs) {
		const dir = join(coursesDir, slug);
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) add(dir, 1, `course folder "${slug}" must use lowercase letters, digits and hyphens`);
		const courseFile = join(dir, 'course.md');
		if (!existsSync(courseFile)) {
			add(dir, 1, 'course folder has no course.md');
			continue;
		}
		const course = parseWithSchema(courseFile, createCourseSchema(zod.string()), add, true);
		for (const locale of TRANSLATION_LOCALES) {
			const tr = join(dir, `course.${locale}.md`);
			if (existsSync(tr)) parseWithSchema(tr, CourseTranslationSchema, add, true);
		}
		if (course.data?.cover && !existsSync(join(dir, course.data.cover))) add(courseFile, lineOf(courseFile, 'cover:'), `cover image "${course.data.cover}" does not exist`);

		const lessonSlugs = new Map<string, string>();
		const quizRefs: QuizRef[] = [];
		const quizzes = new Map<string, { file: string; quiz?: Quiz }>();
		const embedded = new Set<string>();
		const projects = new Map<string, string>();
		const labRefs: LabRef[] = [];
		const labs = new Map<string, string>();
		const units = listUnits(dir);
		if (units.length === 0) add(courseFile, 1, 'the course has no units (folders like 01-first-unit with lessons in them)');

		for (const unit of units) {
			const unitDir = join(dir, unit);
			const unitFile = join(unitDir, 'unit.yaml');
			if (!existsSync(unitFile)) add(unitDir, 1, 'unit folder has no unit.yaml (title and intro)');
			else parseYamlWithSchema(unitFile, UnitSchema, add);
			for (const locale of TRANSLATION_LOCALES) {
				const tr = join(unitDir, `unit.${locale}.yaml`);
				if (existsSync(tr)) parseYamlWithSchema(tr, UnitSchema, add);
			}
			for (const file of readdirSync(unitDir).filter((f) => /\.quiz\.yaml$/.test(f))) {
				const id = file.replace(/\.quiz\.yaml$/, '');
				const path = join(unitDir, file);
				if (quizzes.has(id)) add(path, 1, `duplicate quiz id "${id}" (also ${rel(quizzes.get(id)!.file)})`);
				const parsed = parseYamlWithSchema(path, QuizSchema, add);
				quizzes.set(id, { file: path, quiz: parsed });
				if (parsed && itemLint) reportItemProblems(path, parsed, false, add);
				for (const locale of TRANSLATION_LOCALES) {
					const trPath = join(unitDir, `${id}.quiz.${locale}.yaml`);
					if (!existsSync(trPath)) continue;
					const tr = parseYamlWithSchema(trPath, QuizSchema, add);
					if (parsed && tr) for (const message of compareQuizStructure(parsed, tr)) add(trPath, 1, message);
					if (tr && itemLint) reportItemProblems(trPath, tr, true, add);
				}
			}
			for (const file of readdirSync(unitDir).filter((f) => /\.project\.yaml$/.test(f))) {
				const id = file.replace(/\.project\.yaml$/, '');
				if (projects.has(id)) add(join(unitDir, file), 1, `duplicate project id "${id}" (also ${rel(projects.get(id)!)})`);
				projects.set(id, join(unitDir, file));
				checkProjectFile(unitDir, file, add);
			}
			checkLabFiles(unitDir, labs, rel, add);
			for (const file of listLessons(unitDir)) {
				const path = join(unitDir, file);
				const lessonSlug = stripPrefix(file.replace(/\.mdx$/, ''));
				if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(lessonSlug)) add(path, 1, `lesson file name "${file}" must be NN-slug.mdx with a lowercase slug`);
				if (lessonSlugs.has(lessonSlug)) add(path, 1, `duplicate lesson slug "${lessonSlug}" (also ${rel(lessonSlugs.get(lessonSlug)!)}); lesson slugs must be unique within a course`);
				lessonSlugs.set(lessonSlug, path);
				const lesson = parseWithSchema(path, LessonSchema, add, false);
				await checkMdx(path, lesson.body, lesson.bodyLine, { course: slug, dir, docs, lessonsByCourse, embedded, quizRefs, labRefs }, add);
				for (const locale of TRANSLATION_LOCALES) {
					const trPath = join(unitDir, file.replace(/\.mdx$/, `.${locale}.mdx`));
					if (!existsSync(trPath)) continue;
					const tr = parseWithSchema(trPath, LessonTranslationSchema, add, false);
					await checkMdx(trPath, tr.body, tr.bodyLine, { course: slug, dir, docs, lessonsByCourse, embedded: new Set(), quizRefs, labRefs }, add);
				}
			}
		}
		// Quiz and project references are checked once all quizzes and projects of the course are known.
		for (const ref of quizRefs.splice(0)) {
			if (ref.kind === 'solution') {
				if (!quizzes.has(ref.id) && !projects.has(ref.id))
					add(ref.file, ref.line, `<Solution after="${ref.id}"> matches no quiz or project in courses/${slug}`);
				continue;
			}
			if (ref.kind === 'project') {
				if (!projects.has(ref.id)) add(ref.file, ref.line, `<Project id="${ref.id}"> matches no project in courses/${slug} (projects: ${[...projects.keys()].join(', ') || 'none'})`);
				continue;
			}
			if (!quizzes.has(ref.id)) add(ref.file, ref.line, `<Quiz id="${ref.id}"> matches no quiz in courses/${slug} (quizzes: ${[...quizzes.keys()].join(', ') || 'none'})`);
		}
		for (const ref of labRefs) {
			if (!labs.has(ref.id)) add(ref.file, ref.line, `<Lab id="${ref.id}"> matches no lab in courses/${slug} (labs: ${[...labs.keys()].join(', ') || 'none'})`);
		}
		const ruleResult = CertificateRuleSchema.safeParse(course.raw?.certificate ?? {});
		const rule = course.data?.certificate ?? (ruleResult.success ? ruleResult.data : undefined);
		if (rule) {
			if (rule.lessons !== 'all') for (const l of rule.lessons) if (!lessonSlugs.has(l)) add(courseFile, lineOf(courseFile, l), `certificate rule names lesson "${l}", which does not exist`);
			for (const p of rule.projects) {
				if (!projects.has(p)) add(courseFile, lineOf(courseFile, p), `certificate rule names project "${p}", which does not exist`);
				else if (!embedded.has(`project:${p}`)) add(projects.get(p)!, 1, `project "${p}" is required for the certificate but no lesson embeds it with <Project id="${p}" />`);
			}
			for (const q of rule.quizzes) if (!quizzes.has(q)) add(courseFile, lineOf(courseFile, q), `certificate rule names quiz "${q}", which does not exist`);
			for (const l of rule.labs) {
				if (!labs.has(l)) add(courseFile, lineOf(courseFile, l), `certificate rule names lab "${l}", which does not exist`);
				else if (!labRefs.some((r) => r.id === l)) add(labs.get(l)!, 1, `lab "${l}" is required for the certificate but no lesson embeds it with <Lab id="${l}" />`);
			}
			if (rule.assessment && !quizzes.has(rule.assessment)) add(courseFile, lineOf(courseFile, 'assessment:'), `certificate rule names assessment "${rule.assessment}", which does not exist`);
			for (const q of [...rule.quizzes, ...(rule.assessment ? [rule.assessment] : [])]) {
				if (quizzes.has(q) && !embedded.has(q)) add(quizzes.get(q)!.file, 1, `quiz "${q}" is required for the certificate but no lesson embeds it with <Quiz id="${q}" />`);
			}
		}
	}
	// Translations: glossary variants to avoid, the digits rule, stale translatedFrom stamps.
	for (const p of checkTranslations(coursesDir, repoRoot, options.i18nDir).problems) problems.push({ ...p, severity: 'warning' });
	return problems;
}


function listUnits(courseDir: string): string[] {
	return readdirSync(courseDir)
		.filter((d) => /^\d+[-_]/.test(d) && statSync(join(courseDir, d)).isDirectory())
		.sort();
}

function listLessons(unitDir: string): string[] {
	return readdirSync(unitDir)
		.filter((f) => f.endsWith('.mdx') && !TRANSLATED_MDX.test(f))
		.sort();
}

function lineOf(file: string, needle: string): number {
	const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
	return index < 0 ? 1 : index + 1;
}

type Add = (file: string, line: number, message: string, severity?: 'error' | 'warning') => void;

/** The item-writing problems of a quiz file, each at the line of its question or field. */
function reportItemProblems(file: string, quiz: Quiz, translation: boolean, add: Add) {
	const counter = new LineCounter();
	const text = readFileSync(file, 'utf8');
	const doc = parseDocument(text, { lineCounter: counter });
	const lines = text.split('\n');
	for (const p of lintQuiz(quiz, translation)) {
		let line = 1;
		if (p.question !== undefined) {
			const node = doc.getIn(['questions', p.question], true) as { range?: [number, number, number] } | undefined;
			if (node?.range) line = counter.linePos(node.range[0]).line;
		} else if (p.field) {
			const index = lines.findIndex((l) => l.startsWith(`${p.field}:`));
			line = index < 0 ? 1 : index + 1;
		}
		add(file, line, p.message, p.severity);
	}
}

function reportIssues(file: string, issues: z.core.$ZodIssue[], lineFor: (path: PropertyKey[]) => number, add: Add) {
	for (const issue of issues) {
		const path = issue.path.map(String).join('.');
		add(file, lineFor(issue.path), `${path ? `${path}: ` : ''}${issue.message}`);
	}
}

/** Frontmatter + body (Markdown/MDX) file. */
function parseWithSchema<S extends z.ZodType>(file: string, schema: S, add: Add, _isCourse: boolean): Parsed<z.infer<S>> {
	const text = readFileSync(file, 'utf8');
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
	if (!match) {
		add(file, 1, 'missing frontmatter: the file must start with a --- block');
		return { body: text, bodyLine: 1 };
	}
	const yamlText = match[1]!;
	const bodyLine = match[0].split('\n').length;
	const { data, raw } = validateYaml(file, yamlText, 1, schema, add);
	return { data, raw, body: text.slice(match[0].length), bodyLine };
}

function parseYamlWithSchema<S extends z.ZodType>(file: string, schema: S, add: Add): z.infer<S> | undefined {
	return validateYaml(file, readFileSync(file, 'utf8'), 0, schema, add).data;
}

function validateYaml<S extends z.ZodType>(
	file: string,
	text: string,
	lineOffset: number,
	schema: S,
	add: Add,
): { data?: z.infer<S>; raw?: Record<string, unknown> } {
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
	if (doc.errors.length > 0) {
		for (const error of doc.errors) add(file, counter.linePos(error.pos[0]).line + lineOffset, `YAML: ${error.message.split('\n')[0]}`);
		return {};
	}
	const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
	const result = schema.safeParse(raw);
	if (result.success) return { data: result.data, raw };
	const lineFor = (path: PropertyKey[]) => {
		for (let n = path.length; n >= 0; n--) {
			const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
			if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line + lineOffset;
		}
		return 1 + lineOffset;
	};
	reportIssues(file, result.error.issues, lineFor, add);
	return { raw };
}

interface MdxContext {
	course: string;
	dir: string;
	docs: string[];
	lessonsByCourse: Map<string, Set<string>>;
	embedded: Set<string>;
	quizRefs: QuizRef[];
	labRefs: LabRef[];
}

interface QuizRef {
	id: string;
	/** Which kind of graded item the reference names (`solution`: a <Solution after>, a quiz or a project). Default quiz. */
	kind?: 'project' | 'solution';
	file: string;
	line: number;
}

interface Node {
	type: string;
	name?: string | null;
	url?: string;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: Node[];
	position?: { start: { line: number } };
}

async function checkMdx(file: string, body: string, bodyLine: number, ctx: MdxContext, add: Add) {
	let tree: Node;
	try {
		tree = (await mdxToMdast(body)) as unknown as Node;
	} catch (error) {
		const message = (error as Error).message;
		const at = /^(\d+):(\d+)/.exec(message);
		add(file, at ? Number(at[1]) + bodyLine - 1 : bodyLine, `MDX syntax: ${message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '')} (a bare {, } or < in text must go in a \`code span\`)`);
		return;
	}
	const visit = (node: Node) => {
		const line = (node.position?.start.line ?? 1) + bodyLine - 1;
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
			checkComponent(file, line, node, ctx, add);
		}
		if ((node.type === 'link' || node.type === 'image') && node.url) checkUrl(file, line, node.type, node.url, ctx, add);
		for (const child of node.children ?? []) visit(child);
	};
	visit(tree);
}

function attr(node: Node, name: string): string | undefined {
	const a = node.attributes?.find((x) => x.name === name);
	if (!a) return undefined;
	return typeof a.value === 'string' ? a.value : a.value === null ? '' : '{expression}';
}

function checkComponent(file: string, line: number, node: Node, ctx: MdxContext, add: Add) {
	const name = node.name!;
	if (!/^[A-Z]/.test(name)) {
		if (name === 'a' || name === 'img') checkUrl(file, line, name === 'a' ? 'link' : 'image', attr(node, name === 'a' ? 'href' : 'src') ?? '', ctx, add);
		return;
	}
	if (!isKitComponent(name)) {
		add(file, line, `<${name}> is not a component of the kit. Use one of: ${KIT_COMPONENTS.join(', ')}`);
		return;
	}
	// A required text prop (kit-rules.ts), reported with its example when missing or blank.
	const need = <C extends keyof typeof REQUIRED_PROPS>(component: C, prop: RequiredProp<C>) => {
		const v = attr(node, prop);
		const examples: Record<string, string> = REQUIRED_PROPS[component];
		if (v === undefined || v.trim() === '') add(file, line, `<${name}> needs ${prop}, e.g. ${prop}="${examples[prop]}"`);
		return v;
	};
	const courseDir = ctx.dir;
	switch (name) {
		case 'Callout': {
			const type = attr(node, 'type');
			if (!type || !(CALLOUT_TYPES as readonly string[]).includes(type)) add(file, line, `<Callout> has type=${JSON.stringify(type ?? null)}; use one of: ${CALLOUT_TYPES.map((t) => `type="${t}"`).join(', ')}`);
			break;
		}
		case 'Kbd': {
			const keys = attr(node, 'keys');
			const win = attr(node, 'win');
			const mac = attr(node, 'mac');
			if (!keys && !win && !mac) add(file, line, '<Kbd> needs keys="…", or win="…" and mac="…"');
			else if (!keys && (!win || !mac)) add(file, line, '<Kbd> needs both win and mac when either is given');
			break;
		}
		case 'Figure': {
			const src = need('Figure', 'src');
			need('Figure', 'alt');
			if (src && (!IMAGE_EXT.test(src) || !existsSync(join(courseDir, src)))) add(file, line, `<Figure src="${src}"> is not an image file in courses/${ctx.course}/ (give a path like images/chart.png)`);
			break;
		}
		case 'Download': {
			const f = need('Download', 'file');
			need('Download', 'title');
			if (f) {
				const fileName = f.replace(/^\.?\/?files\//, '');
				if (fileName.includes('/') || !existsSync(join(courseDir, 'files', fileName))) add(file, line, `<Download file="${f}"> does not exist in courses/${ctx.course}/files/`);
			}
			break;
		}
		case 'Solution': {
			const f = need('Solution', 'file');
			const after = need('Solution', 'after');
			need('Solution', 'title');
			if (f && after) {
				const fileName = f.replace(/^\.?\/?solutions\//, '');
				if (fileName.includes('/') || !existsSync(join(courseDir, 'solutions', after, fileName)))
					add(
						file,
						line,
						`<Solution file="${f}"> does not exist in courses/${ctx.course}/solutions/${after}/ (a solution sits in a folder named after the quiz or project that unlocks it)`,
					);
				ctx.quizRefs.push({ id: after, file, line, kind: 'solution' });
			}
			break;
		}
		case 'Glossary':
			need('Glossary', 'term');
			if (!node.children?.length) add(file, line, '<Glossary> needs a definition between <Glossary term="…"> and </Glossary>');
			break;
		case 'Scenario':
			need('Scenario', 'client');
			break;
		case 'Quiz': {
			const id = need('Quiz', 'id');
			if (id) {
				ctx.embedded.add(id);
				ctx.quizRefs.push({ id, file, line });
			}
			break;
		}
		case 'Project': {
			const id = need('Project', 'id');
			if (id) {
				ctx.embedded.add(`project:${id}`);
				ctx.quizRefs.push({ id, file, line, kind: 'project' });
			}
			break;
		}
		case 'Lab': {
			const id = need('Lab', 'id');
			if (id) ctx.labRefs.push({ id, file, line });
			break;
		}
		case 'Steps':
			if (!node.children?.some((c) => c.type === 'list')) add(file, line, '<Steps> must wrap a numbered list ("1. …") with blank lines around it');
			break;
		case 'Checklist':
			if (!node.children?.some((c) => c.type === 'list')) add(file, line, '<Checklist> must wrap a bullet list ("- …") with blank lines around it');
			break;
	}
}

function checkUrl(file: string, line: number, kind: 'link' | 'image', url: string, ctx: MdxContext, add: Add) {
	if (/^(https?:|mailto:|tel:|#)/.test(url) || url === '') return;
	if (kind === 'image') {
		if (!url.startsWith('/') && !existsSync(join(file, '..', url)) && !existsSync(join(ctx.dir, url))) add(file, line, `image "${url}" does not exist`);
		return;
	}
	if (!url.startsWith('/')) {
		add(file, line, `link "${url}" is relative; link to pages with a site path like /courses/${ctx.course}/<lesson>`);
		return;
	}
	const path = url.split(/[?#]/)[0]!.replace(LOCALE_PREFIX, '').replace(/\/$/, '') || '/';
	const parts = path.split('/').filter(Boolean);
	const ok =
		path === '/' ||
		path === '/courses' ||
		['/signup', '/login', '/account', '/dashboard', '/reset-password'].includes(path) ||
		(parts[0] === 'courses' && parts.length === 2 && ctx.lessonsByCourse.has(parts[1]!)) ||
		(parts[0] === 'courses' && parts.length === 3 && ctx.lessonsByCourse.get(parts[1]!)?.has(parts[2]!)) ||
		(parts[0] === 'docs' && parts.length === 2 && ctx.docs.includes(parts[1]!)) ||
		(parts[0] === 'downloads' && parts.length === 3 && existsSync(join(ctx.dir, '..', parts[1]!, 'files', parts[2]!)));
	if (!ok) add(file, line, `broken link "${url}": no such page`);
}

/** Differences in structure between an English quiz and its translation. */
export function compareQuizStructure(en: Quiz, tr: Quiz): string[] {
	const out: string[] = [];
	const byId = new Map(tr.questions.map((q) => [q.id, q]));
	for (const q of en.questions) {
		const t = byId.get(q.id);
		if (!t) {
			out.push(`translation lacks question "${q.id}"`);
			continue;
		}
		if (t.type !== q.type) out.push(`question "${q.id}" is ${t.type} here but ${q.type} in English`);
		else if ('options' in q && 'options' in t) {
			const a = q.options.map((o) => o.correct).join();
			const b = t.options.map((o) => o.correct).join();
			if (q.options.length !== t.options.length || a !== b) out.push(`question "${q.id}" has different options or correct answers than in English`);
		} else if (q.type === 'true-false' && t.type === 'true-false' && q.answer !== t.answer) out.push(`question "${q.id}" has a different answer than in English`);
		else if (q.type === 'ordering' && t.type === 'ordering' && q.items.length !== t.items.length) out.push(`question "${q.id}" has a different number of items than in English`);
		else if (q.type === 'matching' && t.type === 'matching' && q.pairs.length !== t.pairs.length) out.push(`question "${q.id}" has a different number of pairs than in English`);
		else if (q.type === 'numeric' && t.type === 'numeric' && (q.answer !== t.answer || q.tolerance !== t.tolerance)) out.push(`question "${q.id}" has a different answer than in English`);
		else if (q.type === 'fill-blanks' && t.type === 'fill-blanks' && (q.text.match(/\[\[/g)?.length ?? 0) !== (t.text.match(/\[\[/g)?.length ?? 0)) out.push(`question "${q.id}" has a different number of blanks than in English`);
	}
	for (const t of tr.questions) if (!en.questions.some((q) => q.id === t.id)) out.push(`translation has question "${t.id}", which English does not`);
	return out;
}
