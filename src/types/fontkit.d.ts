/**
 * The small part of fontkit (a pdfkit dependency, pinned in package.json) that the certificate PDF
 * uses: parsing a font once per process so pdfkit can reuse it for every document.
 */
declare module 'fontkit' {
	export interface Font {
		postscriptName: string;
		unitsPerEm: number;
		/** True when the font's cmap maps the code point to a glyph. */
		hasGlyphForCodePoint(codePoint: number): boolean;
		/** Shapes a run of text (pdfkit calls this; its presence marks a parsed font). */
		layout(text: string): unknown;
	}
	/** Parses TrueType/OpenType (and WOFF) data. */
	export function create(data: Uint8Array, postscriptName?: string): Font;
}
