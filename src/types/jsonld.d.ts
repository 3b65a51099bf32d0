/**
 * The small part of jsonld.js (Digital Bazaar's JSON-LD processor, pinned in package.json) that
 * Data Integrity signing uses: RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document with
 * a document loader that serves only bundled contexts.
 */
declare module 'jsonld' {
	export interface RemoteDocument {
		contextUrl: string | null;
		documentUrl: string;
		document: unknown;
	}
	export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
	export interface CanonizeOptions {
		algorithm?: 'RDFC-1.0' | 'URDNA2015';
		format?: 'application/n-quads';
		documentLoader?: DocumentLoader;
		/** Fail on terms the contexts do not define (default true for canonize). */
		safe?: boolean;
	}
	const jsonld: {
		canonize(input: object, options?: CanonizeOptions): Promise<string>;
	};
	export default jsonld;
}
