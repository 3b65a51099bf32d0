/** The contract of a start-file builder (one per project kind of data). */
import type { ExpectedValues } from '../types.ts';

export interface StartFileContext {
	/** The learner's name, printed in the file. */
	learnerName: string;
	/** The signed attempt key, stored as a custom property and as visible text. */
	attemptKey: string;
}

export interface ProjectBuilder {
	/** File kind the builder makes. */
	kind: 'xlsx' | 'docx' | 'pptx';
	/** The values checks compare against, for an attempt's seed (cheap, pure). */
	expected(seed: string): ExpectedValues;
	/** The personalised start file for an attempt. */
	build(seed: string, ctx: StartFileContext): Promise<Uint8Array>;
}
