/**
 * A minimal reader of .xlsx parts for the interim checks: sheets by name, cells (formula and the
 * cached value the application saved), tables, data validations, pivot tables and charts. It reads
 * the XML with regular expressions over parts already opened safely (no DTD ever reaches it);
 * Excel, Google Sheets, LibreOffice and exceljs all write these parts in the same plain shape.
 */
import { decodeXml, type OfficeFile } from './ooxml-lite.ts';

export interface Cell {
	ref: string;
	/** The formula without the leading `=`, or null for a constant. */
	formula: string | null;
	value: string | number | boolean | null;
}

export interface Sheet {
	name: string;
	path: string;
	xml: string;
	cells: Map<string, Cell>;
}

const attrs = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, decodeXml(m[2]!)]));

/** Resolves a relationship target against the folder of the part that owns the .rels. */
export function resolveTarget(ownerPath: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = ownerPath.split('/').slice(0, -1);
	for (const seg of target.split('/')) {
		if (seg === '..') parts.pop();
		else if (seg !== '.') parts.push(seg);
	}
	return parts.join('/');
}

/** Relationships of a part: id → { type, target path }. */
export function readRels(file: OfficeFile, partPath: string): Map<string, { type: string; target: string }> {
	const dir = partPath.split('/').slice(0, -1).join('/');
	const name = partPath.split('/').pop()!;
	const xml = file.text(`${dir ? `${dir}/` : ''}_rels/${name}.rels`) ?? '';
	const out = new Map<string, { type: string; target: string }>();
	for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
		const a = attrs(m[0]);
		if (a.Id && a.Target && a.TargetMode !== 'External') out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(partPath, a.Target) });
	}
	return out;
}

function richText(xml: string): string {
	return [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => decodeXml(m[1]!)).join('');
}

/** Every sheet of the workbook, in order, with its cells. */
export function readSheets(file: OfficeFile): Sheet[] {
	const wb = file.text('xl/workbook.xml') ?? '';
	const rels = readRels(file, 'xl/workbook.xml');
	const shared = [...(file.text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => richText(m[1] ?? ''));
	const sheets: Sheet[] = [];
	for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
		const a = attrs(m[0]);
		const path = rels.get(a['r:id'] ?? '')?.target;
		if (!path) continue;
		const xml = file.text(path) ?? '';
		const cells = new Map<string, Cell>();
		for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const ca = attrs(c[1]!);
			if (!ca.r) continue;
			const inner = c[2] ?? '';
			const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
			const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
			let value: Cell['value'] = null;
			if (ca.t === 's' && v !== undefined) value = shared[Number(v)] ?? null;
			else if (ca.t === 'inlineStr') value = richText(inner);
			else if (ca.t === 'str' || ca.t === 'e') value = v !== undefined ? decodeXml(v) : null;
			else if (ca.t === 'b') value = v === '1';
			else if (v !== undefined) value = Number(v);
			cells.set(ca.r, { ref: ca.r, formula: f ? decodeXml(f[1]!) : null, value });
		}
		sheets.push({ name: a.name ?? '', path, xml, cells });
	}
	return sheets;
}

/** Column letters → 1-based index. */
export function columnIndex(letters: string): number {
	return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** 1-based index → column letters. */
export function columnLetters(index: number): string {
	let s = '';
	for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** Splits `'Sheet name'!A1:B3` into sheet and range. */
export function splitRef(ref: string): { sheet: string | null; range: string } {
	const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
	return m ? { sheet: (m[1] ?? m[2])!.replace(/''/g, "'"), range: m[3]!.replace(/\$/g, '') } : { sheet: null, range: ref.replace(/\$/g, '') };
}

/** Every cell address of a range such as `A2:C4`, row by row. */
export function expandRange(range: string): string[] {
	const [a, b = a] = range.split(':');
	const pa = /^([A-Z]+)(\d+)$/i.exec(a!);
	const pb = /^([A-Z]+)(\d+)$/i.exec(b!);
	if (!pa || !pb) return [];
	const out: string[] = [];
	for (let r = Number(pa[2]); r <= Number(pb[2]); r++) for (let c = columnIndex(pa[1]!); c <= columnIndex(pb[1]!); c++) out.push(`${columnLetters(c)}${r}`);
	return out;
}

/** Tables of a sheet: name, range and whether it has a header row. */
export function readTables(file: OfficeFile, sheet: Sheet): { name: string; ref: string; headerRow: boolean; columns: string[] }[] {
	const rels = readRels(file, sheet.path);
	const out = [];
	for (const m of sheet.xml.matchAll(/<tablePart\b[^>]*r:id="([^"]+)"/g)) {
		const path = rels.get(m[1]!)?.target;
		const xml = path ? file.text(path) : null;
		if (!xml) continue;
		const a = attrs(/<table\b[^>]*>/.exec(xml)?.[0] ?? '');
		const columns = [...xml.matchAll(/<tableColumn\b[^>]*>/g)].map((c) => attrs(c[0]).name ?? '');
		out.push({ name: a.displayName ?? a.name ?? '', ref: a.ref ?? '', headerRow: a.headerRowCount !== '0', columns });
	}
	return out;
}

/** List validations of a sheet: the ranges they cover and their items (or source formula). */
export function readListValidations(sheet: Sheet): { sqref: string[]; items: string[] | null; source: string }[] {
	const out = [];
	const blocks = [...sheet.xml.matchAll(/<(?:\w+:)?dataValidation\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?dataValidation>/g)];
	for (const b of blocks) {
		const a = attrs(b[1]!);
		if (a.type !== 'list') continue;
		const f = decodeXml(/<(?:\w+:)?formula1>([\s\S]*?)<\/(?:\w+:)?formula1>/.exec(b[2]!)?.[1] ?? '');
		const sq = a.sqref ?? /<xm:sqref>([^<]*)<\/xm:sqref>/.exec(b[2]!)?.[1] ?? '';
		const literal = /^"([\s\S]*)"$/.exec(f.trim());
		out.push({ sqref: sq.split(/\s+/).filter(Boolean), items: literal ? literal[1]!.split(',').map((s) => s.trim()) : null, source: f });
	}
	return out;
}

/** Pivot tables anywhere in the workbook: row, column and data fields by source column name. */
export function readPivots(file: OfficeFile): { rows: string[]; columns: string[]; data: { field: string; aggregation: string }[] }[] {
	const out = [];
	for (const [path] of file.parts) {
		if (!/^xl\/pivotTables\/[^/]+\.xml$/.test(path)) continue;
		const xml = file.text(path)!;
		const cachePath = [...readRels(file, path).values()].find((r) => r.type.endsWith('/pivotCacheDefinition'))?.target;
		const cache = cachePath ? (file.text(cachePath) ?? '') : '';
		const names = [...cache.matchAll(/<cacheField\b[^>]*>/g)].map((m) => attrs(m[0]).name ?? '');
		const fieldsOf = (tag: string) => {
			const block = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
			return [...block.matchAll(/<field\b[^>]*x="(-?\d+)"/g)].map((m) => Number(m[1])).filter((x) => x >= 0).map((x) => names[x] ?? '');
		};
		const data = [...xml.matchAll(/<dataField\b[^>]*>/g)].map((m) => {
			const a = attrs(m[0]);
			return { field: names[Number(a.fld)] ?? '', aggregation: a.subtotal ?? 'sum' };
		});
		out.push({ rows: fieldsOf('rowFields'), columns: fieldsOf('colFields'), data });
	}
	return out;
}

/** Charts anywhere in the workbook: types, title text and the series' value ranges. */
export function readCharts(file: OfficeFile): { types: string[]; title: string; values: string[]; categories: string[] }[] {
	const out = [];
	for (const [path] of file.parts) {
		if (!/^xl\/charts\/chart[^/]*\.xml$/.test(path)) continue;
		const xml = file.text(path)!;
		const plot = /<c:plotArea>([\s\S]*?)<\/c:plotArea>/.exec(xml)?.[1] ?? '';
		const types = [...plot.matchAll(/<c:(\w+)Chart>/g)].map((m) => {
			const kind = m[1]!;
			if (kind !== 'bar') return kind;
			const dir = /<c:barDir val="(\w+)"/.exec(plot)?.[1];
			return dir === 'bar' ? 'bar' : 'column';
		});
		const titleXml = /<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? '';
		const title = richText(titleXml.replace(/<c:f>[\s\S]*?<\/c:f>/g, '')) || [...titleXml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => decodeXml(m[1]!)).join('');
		const refs = (tag: string) => [...plot.matchAll(new RegExp(`<c:${tag}>[\\s\\S]*?<c:f>([^<]*)</c:f>`, 'g'))].map((m) => decodeXml(m[1]!));
		const autoDeleted = /<c:autoTitleDeleted val="1"/.test(xml);
		out.push({ types, title: title || (autoDeleted ? '' : ''), values: refs('val'), categories: refs('cat') });
	}
	return out;
}

/** The sheet named `name` (case-insensitive), or undefined. */
export function findSheet(sheets: Sheet[], name: string): Sheet | undefined {
	return sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
