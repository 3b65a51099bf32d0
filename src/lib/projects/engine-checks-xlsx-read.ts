/**
 * A small reader of .xlsx parts for the engine's own checks (./engine-checks.ts): sheets by name
 * and cells (formula and the cached value the application saved). It reads parts the safe opener
 * already unpacked (no DTD ever reaches it) with regular expressions: Excel, Google Sheets,
 * LibreOffice and exceljs all write sheet cells in the same plain shape.
 */
import type { OfficeFile } from './ooxml.ts';

/** XML text with the five predefined entities and numeric references decoded. */
export function decodeXml(s: string): string {
	// Most values hold no reference at all: skip the seven passes over them.
	if (!s.includes('&')) return s;
	return s
		.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

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

const attrs = (tag: string): Record<string, string> =>
	Object.fromEntries(
		[...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, decodeXml(m[2]!)]),
	);

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
export function readRels(
	file: OfficeFile,
	partPath: string,
): Map<string, { type: string; target: string }> {
	const dir = partPath.split('/').slice(0, -1).join('/');
	const name = partPath.split('/').pop()!;
	const xml = file.text(`${dir ? `${dir}/` : ''}_rels/${name}.rels`) ?? '';
	const out = new Map<string, { type: string; target: string }>();
	for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
		const a = attrs(m[0]);
		if (a.Id && a.Target && a.TargetMode !== 'External')
			out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(partPath, a.Target) });
	}
	return out;
}

function richText(xml: string): string {
	return [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)]
		.map((m) => decodeXml(m[1]!))
		.join('');
}

/** Every sheet of the workbook, in order, with its cells. */
export function readSheets(file: OfficeFile): Sheet[] {
	const wb = file.text('xl/workbook.xml') ?? '';
	const rels = readRels(file, 'xl/workbook.xml');
	const shared = [
		...(file.text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g),
	].map((m) => richText(m[1] ?? ''));
	const sheets: Sheet[] = [];
	for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
		const a = attrs(m[0]);
		const path = rels.get(a['r:id'] ?? '')?.target;
		if (!path) continue;
		const xml = file.text(path) ?? '';
		// Cells are read when a check first asks for this sheet's, not for every sheet of the workbook.
		let cells: Map<string, Cell> | undefined;
		sheets.push({
			name: a.name ?? '',
			path,
			xml,
			get cells() {
				return (cells ??= readCells(xml, shared));
			},
		});
	}
	return sheets;
}

function readCells(xml: string, shared: string[]): Map<string, Cell> {
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
	return cells;
}

/** Column letters → 1-based index. */
export function columnIndex(letters: string): number {
	return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** 1-based index → column letters. */
export function columnLetters(index: number): string {
	let s = '';
	for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** Splits `'Sheet name'!A1:B3` into sheet and range. */
export function splitRef(ref: string): { sheet: string | null; range: string } {
	const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
	return m
		? { sheet: (m[1] ?? m[2])!.replace(/''/g, "'"), range: m[3]!.replace(/\$/g, '') }
		: { sheet: null, range: ref.replace(/\$/g, '') };
}

/** Every cell address of a range such as `A2:C4`, row by row. */
export function expandRange(range: string): string[] {
	const [a, b = a] = range.split(':');
	const pa = /^([A-Z]+)(\d+)$/i.exec(a!);
	const pb = /^([A-Z]+)(\d+)$/i.exec(b!);
	if (!pa || !pb) return [];
	const out: string[] = [];
	for (let r = Number(pa[2]); r <= Number(pb[2]); r++)
		for (let c = columnIndex(pa[1]!); c <= columnIndex(pb[1]!); c++)
			out.push(`${columnLetters(c)}${r}`);
	return out;
}

/** The sheet named `name` (case-insensitive), or undefined. */
export function findSheet(sheets: Sheet[], name: string): Sheet | undefined {
	return sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
