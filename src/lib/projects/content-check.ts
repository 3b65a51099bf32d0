/**
 * The graded-project part of `npm run content:check`: each `<id>.project.yaml` against the schema,
 * its builder and every check's type and parameters against the check library, `$name` values
 * against what the builder computes, and translations against the English steps. Problems carry
 * the file and line of the offending YAML node.
 */
import { TRANSLATION_LOCALES } from '../locales.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { BUILDERS } from './builders/index.ts';
import { CHECKS, resolveExpected } from './office.ts';
import {
	compareProjectTranslation,
	getCheckParams,
	ProjectSchema,
	ProjectTranslationSchema,
	type Project,
} from './schema.ts';

type Add = (file: string, line: number, message: string) => void;

function parse<T>(
	file: string,
	schema: {
		safeParse(
			v: unknown,
		):
			| { success: true; data: T }
			| { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
	},
	add: Add,
) {
	const counter = new LineCounter();
	const doc = parseDocument(readFileSync(file, 'utf8'), {
		lineCounter: counter,
		prettyErrors: false,
	});
	const lineFor = (path: PropertyKey[]) => {
		for (let n = path.length; n >= 0; n--) {
			const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
				{ range?: [number, number, number] } | undefined;
			if (node && typeof node === 'object' && node.range)
				return counter.linePos(node.range[0]).line;
		}
		return 1;
	};
	if (doc.errors.length > 0) {
		for (const e of doc.errors)
			add(file, counter.linePos(e.pos[0]).line, `YAML: ${e.message.split('\n')[0]}`);
		return { lineFor };
	}
	const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
	const result = schema.safeParse(raw);
	if (!result.success) {
		for (const issue of result.error.issues)
			add(
				file,
				lineFor(issue.path),
				`${issue.path.map(String).join('.')}${issue.path.length ? ': ' : ''}${issue.message}`,
			);
		return { raw, lineFor };
	}
	return { data: result.data, raw, lineFor };
}

/** Checks one project file (and its translations); returns the project when it is valid. */
export function checkProjectFile(unitDir: string, fileName: string, add: Add): Project | undefined {
	const file = join(unitDir, fileName);
	const { data: project, raw, lineFor } = parse<Project>(file, ProjectSchema, add);
	const builderId = typeof raw?.builder === 'string' ? raw.builder : undefined;
	if (builderId && !BUILDERS[builderId])
		add(
			file,
			lineFor(['builder']),
			`builder "${builderId}" does not exist (builders: ${Object.keys(BUILDERS).join(', ')})`,
		);
	if (!project) return undefined;
	const builder = BUILDERS[project.builder];
	const expected = builder?.expected('content-check') ?? {};
	project.steps.forEach((step, i) =>
		step.checks.forEach((check, j) => {
			const at = ['steps', i, 'checks', j];
			const def = CHECKS[check.check];
			if (!def)
				return add(
					file,
					lineFor([...at, 'check']),
					`unknown check type "${check.check}" (types: ${Object.keys(CHECKS).join(', ')})`,
				);
			const params = getCheckParams(check);
			const missing = Object.entries(params).filter(
				([, value]) =>
					typeof value === 'string' &&
					value.startsWith('$') &&
					builder &&
					!(value.slice(1) in expected),
			);
			for (const [name, value] of missing)
				add(
					file,
					lineFor([...at, name]),
					`${String(value)} is not a value builder "${project.builder}" computes (it has: ${Object.keys(
						expected,
					)
						.map((k) => `$${k}`)
						.join(', ')})`,
				);
			if (missing.length > 0 || !builder) return;
			// Parameters are validated as the grader will see them: with an attempt's values in place of $names.
			const parsed = def.params.safeParse(resolveExpected(params, expected));
			if (!parsed.success)
				for (const issue of parsed.error.issues)
					add(
						file,
						lineFor([...at, ...issue.path]),
						`${check.check}: ${issue.path.map(String).join('.')}${issue.path.length ? ': ' : ''}${issue.message}`,
					);
		}),
	);
	const id = fileName.replace(/\.project\.yaml$/, '');
	for (const locale of TRANSLATION_LOCALES) {
		const trFile = join(unitDir, `${id}.project.${locale}.yaml`);
		if (!existsSync(trFile)) continue;
		const { data: tr } = parse(trFile, ProjectTranslationSchema, add);
		if (tr) for (const message of compareProjectTranslation(project, tr)) add(trFile, 1, message);
	}
	return project;
}
