/**
 * Adds the attempt key to an Office package as the custom document property `DakshataAttemptKey`
 * (docProps/custom.xml, with its content type and package relationship). exceljs cannot write
 * custom properties, so builders stamp the finished bytes. Entry times are fixed so the same
 * attempt always gives the same bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ATTEMPT_KEY_PROPERTY } from '../attempt-key.ts';

const escapeXml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Custom properties XML with one string property per entry. */
export function customPropertiesXml(props: Record<string, string>): string {
	const items = Object.entries(props)
		.map(
			([name, value], i) =>
				`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
		)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items}</Properties>`;
}

/** Rewrites parts of a package (added or replaced), keeping the others. */
export function rewritePackage(
	bytes: Uint8Array,
	edit: (text: (p: string) => string | null, set: (p: string, v: string) => void) => void,
): Uint8Array {
	const parts = unzipSync(bytes);
	const text = (p: string) => (parts[p] ? strFromU8(parts[p]) : null);
	const set = (p: string, v: string) => (parts[p] = strToU8(v));
	edit(text, set);
	const mtime = new Date(2026, 0, 1);
	const zippable: Zippable = {};
	// [Content_Types].xml first, as Office writes it.
	for (const name of [
		'[Content_Types].xml',
		...Object.keys(parts).filter((n) => n !== '[Content_Types].xml'),
	])
		zippable[name] = [parts[name]!, { mtime }];
	return zipSync(zippable, { level: 6 });
}

/** The package with the attempt key as a custom document property. */
export function stampAttemptKey(bytes: Uint8Array, key: string): Uint8Array {
	return rewritePackage(bytes, (text, set) => {
		set('docProps/custom.xml', customPropertiesXml({ [ATTEMPT_KEY_PROPERTY]: key }));
		const types = text('[Content_Types].xml')!;
		if (!types.includes('/docProps/custom.xml'))
			set(
				'[Content_Types].xml',
				types.replace(
					'</Types>',
					'<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
				),
			);
		const rels = text('_rels/.rels')!;
		if (!rels.includes('docProps/custom.xml'))
			set(
				'_rels/.rels',
				rels.replace(
					'</Relationships>',
					'<Relationship Id="rIdCustomProps" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
				),
			);
	});
}
