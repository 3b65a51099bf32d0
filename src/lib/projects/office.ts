/**
 * The one place the grading engine takes Office-file opening and checks from: the safe opener
 * (./ooxml.ts) and the check library (./checks/), plus the engine's two own checks
 * (./engine-checks.ts) under types the library does not use.
 */
import {
	CHECKS as LIBRARY_CHECKS,
	resolveExpected,
	runCheck as runLibraryCheck,
	type CheckContext,
	type CheckOutcome,
} from './checks/index.ts';
import { ENGINE_CHECKS } from './engine-checks.ts';

export { openOfficeFile, type OfficeFile, type OfficeKind, type OpenRefusal } from './ooxml.ts';
export { resolveExpected, type CheckContext, type CheckOutcome };

/** Every check type a project may use. */
export const CHECKS = { ...LIBRARY_CHECKS, ...ENGINE_CHECKS };

/** Runs one check: the library's, or the engine's own. */
export async function runCheck(
	type: string,
	params: unknown,
	ctx: CheckContext,
): Promise<CheckOutcome> {
	const own = ENGINE_CHECKS[type];
	if (!own) return runLibraryCheck(type, params, ctx);
	if (ctx.file.kind !== own.kind)
		return { score: 0, message: { key: 'check.wrongKind', vars: { kind: own.kind } } };
	try {
		const outcome = await own.run(ctx, own.params.parse(resolveExpected(params, ctx.expected)));
		return { ...outcome, score: Math.min(1, Math.max(0, outcome.score)) };
	} catch {
		return { score: 0, message: { key: 'project.check.unreadable' } };
	}
}
