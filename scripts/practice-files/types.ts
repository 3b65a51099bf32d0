/** A practice file offered with <Download>, rebuilt by `npm run content:files`. */
export interface PracticeFile {
	/** File name inside `courses/<slug>/files/`, e.g. `contacts-messy.xlsx`. */
	name: string;
	/** Produces the file's bytes. Must be deterministic: fixed dates, seeded randomness. */
	build: () => Buffer | Uint8Array | Promise<Buffer | Uint8Array>;
}

/**
 * A worked solution to a practice file, offered with <Solution>. It is written to
 * `courses/<slug>/solutions/<after>/<name>`: the folder is the id of the quiz or project a learner
 * must pass before the server hands the file out. Solutions are never prerendered or public.
 */
export interface SolutionFile {
	/** Id of the quiz or graded project of the same course that unlocks the file. */
	after: string;
	/** File name inside `courses/<slug>/solutions/<after>/`. */
	name: string;
	/** Produces the file's bytes. Must be deterministic, like a practice file's. */
	build: () => Buffer | Uint8Array | Promise<Buffer | Uint8Array>;
}
