/**
 * Shapes shared by the grading worker, the server modules and the report UI.
 */

/**
 * Values a start-file builder computed for one attempt's data, by name (`$name` in check params):
 * a value, a list of values, or a list of rows (each a list of values, as `xlsx.sorted` takes).
 */
export type ExpectedValues = Record<
	string,
	string | number | boolean | Array<string | number> | Array<Array<string | number>>
>;

/** A learner-facing message: an i18n key and its variables. */
export interface CheckMessage {
	key: string;
	vars?: Record<string, string | number>;
}

/** One step of a graded upload, as stored and shown. */
export interface GradedStep {
	id: string;
	/** Points earned (rounded to 0.1) and available. */
	points: number;
	max: number;
	/** passed (all points), partly (some), not-yet (none). */
	status: 'passed' | 'partly' | 'not-yet';
	/** One message per check that did not fully pass (what was expected, never the solution). */
	messages: CheckMessage[];
}

/** What grading one file produced. */
export interface GradeReport {
	/** Percent, 0–100, rounded to 0.1. */
	score: number;
	steps: GradedStep[];
}

/** Why an upload was refused (nothing is recorded). */
export type UploadRefusal =
	| 'too-large'
	| 'no-file'
	| 'not-office'
	| 'legacy-format'
	| 'macro-enabled'
	| 'encrypted'
	| 'csv'
	| 'zip-bomb'
	| 'too-many-entries'
	| 'corrupt'
	| 'wrong-app'
	| 'no-key'
	| 'tampered-key'
	| 'wrong-attempt'
	| 'timeout';
