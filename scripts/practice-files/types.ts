/** A practice file offered with <Download>, rebuilt by `npm run content:files`. */
export interface PracticeFile {
	/** File name inside `courses/<slug>/files/`, e.g. `contacts-messy.xlsx`. */
	name: string;
	/** Produces the file's bytes. Must be deterministic: fixed dates, seeded randomness. */
	build: () => Buffer | Uint8Array | Promise<Buffer | Uint8Array>;
}
