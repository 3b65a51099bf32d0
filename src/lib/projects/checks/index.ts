/**
 * The check library for graded projects: each check is a pure function over an opened Office file
 * that returns a share of the step's points and a learner-facing message (an i18n key under
 * `check.` with variables) saying what was expected without giving the solution.
 *
 * Params: each check validates its params with Zod. Any string param starting with `$` names a
 * value the project's start-file builder computed for this attempt (`ctx.expected`), so
 * `{ cell: 'Summary!B4', expected: '$marchSylhet' }` compares B4 with the learner's own total.
 * An unknown check type, invalid params or a missing `$name` are authoring errors and throw
 * (content:check catches them with `validateCheckParams`); anything wrong with the learner's file
 * is an outcome with score 0, never an exception.
 */
import { DOCX_CHECKS } from './docx.ts';
import { PPTX_CHECKS } from './pptx.ts';
import { XLSX_CHECKS } from './xlsx.ts';
import type { CheckContext, CheckDefinition, CheckOutcome } from './types.ts';

export type { CheckContext, CheckDefinition, CheckOutcome } from './types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own params type
type AnyCheck = CheckDefinition<any>;

/** Every check type by its name. */
export const CHECKS: Record<string, AnyCheck> = Object.fromEntries(
	[...XLSX_CHECKS, ...DOCX_CHECKS, ...PPTX_CHECKS].map((check: AnyCheck) => [check.type, check]),
);

/** Replaces every `$name` string in params by `expected[name]`; throws for a missing name. */
export function resolveExpected(params: unknown, expected: CheckContext['expected']): unknown {
	if (typeof params === 'string' && params.startsWith('$')) {
		const name = params.slice(1);
		if (!(name in expected))
			throw new Error(
				`Check params name "$${name}", which the start-file builder did not compute.`,
			);
		return expected[name];
	}
	if (Array.isArray(params)) return params.map((item) => resolveExpected(item, expected));
	if (params && typeof params === 'object') {
		return Object.fromEntries(
			Object.entries(params).map(([key, value]) => [key, resolveExpected(value, expected)]),
		);
	}
	return params;
}

/**
 * Checks an author's params for a check type (with `$names` left as strings where allowed).
 * Returns null when valid, else a message for content:check.
 */
export function validateCheckParams(type: string, params: unknown): string | null {
	const check = CHECKS[type];
	if (!check) return `unknown check type "${type}" (known: ${Object.keys(CHECKS).join(', ')})`;
	const parsed = check.params.safeParse(params);
	if (parsed.success) return null;
	// A `$name` stands for an attempt value of any shape: problems at (or inside) one are not the author's.
	const isPlaceholderAt = (path: PropertyKey[]) => {
		let node: unknown = params;
		for (const key of path) {
			if (typeof node === 'string') break;
			node =
				node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
		}
		return typeof node === 'string' && node.startsWith('$');
	};
	const issues = parsed.error.issues.filter((issue) => !isPlaceholderAt(issue.path));
	return issues.length === 0
		? null
		: issues.map((issue) => `${issue.path.join('.') || type}: ${issue.message}`).join('; ');
}

/**
 * Runs one check on a learner's file. A file of the wrong kind, or one the check cannot read,
 * scores 0 with a message; authoring errors (unknown type, bad params) throw.
 */
export async function runCheck(
	type: string,
	params: unknown,
	ctx: CheckContext,
): Promise<CheckOutcome> {
	const check = CHECKS[type];
	if (!check) throw new Error(`Unknown check type "${type}".`);
	const resolved = check.params.parse(resolveExpected(params, ctx.expected));
	if (ctx.file.kind !== check.kind)
		return { score: 0, message: { key: 'check.wrongKind', vars: { kind: check.kind } } };
	try {
		const outcome = await check.run(ctx, resolved);
		return { ...outcome, score: Math.min(1, Math.max(0, outcome.score)) };
	} catch (error) {
		// The one place a learner's odd file surfaces: the step scores 0 and says the part was unreadable.
		return {
			score: 0,
			message: {
				key: 'check.unreadable',
				vars: { detail: (error as Error).message.slice(0, 200) },
			},
		};
	}
}
