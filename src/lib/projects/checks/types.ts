/**
 * The types of the check library (index.ts): what a check sees, what it returns, and one type of
 * check. Apart from index.ts so the check modules can use them without importing the library that
 * imports them.
 */
import type { z } from 'zod';
import type { OfficeFile, OfficeKind } from '../ooxml.ts';
import type { ExpectedValues } from '../types.ts';

/** What a check sees: the learner's file and the values computed for their attempt. */
export interface CheckContext {
	file: OfficeFile;
	/** values the project's builder computed for this attempt's seeded data, by name */
	expected: ExpectedValues;
}

/** A check's result. */
export interface CheckOutcome {
	/** 0..1 share of the step's points */
	score: number;
	/** learner-facing message: i18n key (prefix `check.`) + vars; says what was expected without giving the solution */
	message: { key: string; vars?: Record<string, string | number> };
}

/** One type of check. */
export interface CheckDefinition<P> {
	/** e.g. 'xlsx.formula' */
	type: string;
	kind: OfficeKind;
	params: z.ZodType<P>;
	run(ctx: CheckContext, params: P): CheckOutcome | Promise<CheckOutcome>;
}
