/**
 * Safe XML parsing for uploaded Office files, and a small element tree to query.
 *
 * Design: every XML part of an upload is parsed by `fast-xml-parser` with entity processing limited
 * to the five predefined XML entities and numeric character references. A document that carries a
 * DOCTYPE is refused before the parser sees it, so no DTD, internal entity (billion laughs) or
 * external entity (XXE) is ever read. The parser's ordered output is turned into `XmlNode`s whose
 * `name` is the local name (namespace prefix dropped) because writers differ in prefixes: Excel
 * writes `<sheetData>`, some generators `<x:sheetData>`; attributes keep their full names and
 * `getAttr` falls back to the local name.
 */
import { XMLParser } from 'fast-xml-parser';

/** One element of a parsed XML part. */
export interface XmlNode {
	/** Local name, without the namespace prefix (`w:p` → `p`). */
	name: string;
	/** Qualified name as written (`w:p`). */
	qname: string;
	/** Attributes by their qualified names as written. */
	attrs: Record<string, string>;
	/** Child elements in document order. */
	children: XmlNode[];
	/** Text directly inside this element (not in child elements), entity-decoded. */
	text: string;
}

/** Thrown for a document with a DOCTYPE or one the parser cannot read. */
export class UnsafeXmlError extends Error {}

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: false,
	ignoreDeclaration: true,
	ignorePiTags: true,
	// No callback here wants the element path as a string; building it for every tag cost a sixth
	// of the parse time.
	jPath: false,
});

/** True when the text declares a DOCTYPE (the only way to bring in a DTD or entities). */
export function hasDoctype(xml: string): boolean {
	return /<!DOCTYPE/i.test(xml);
}

const BANG = Buffer.from('<!');
const DOCTYPE = Buffer.from('DOCTYPE');

/**
 * `hasDoctype` on a part's bytes, without decoding them: `<!DOCTYPE` is ASCII, and UTF-8 never
 * encodes anything else with ASCII bytes, so this finds exactly what `hasDoctype` finds in the text.
 */
export function bytesHaveDoctype(bytes: Uint8Array): boolean {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let at = buffer.indexOf(BANG); at >= 0; at = buffer.indexOf(BANG, at + 1)) {
		let match = at + 2 + DOCTYPE.length <= buffer.length;
		for (let i = 0; match && i < DOCTYPE.length; i++)
			match = (buffer[at + 2 + i]! & 0xdf) === DOCTYPE[i]!;
		if (match) return true;
	}
	return false;
}

/**
 * Parses XML safely: no DTD, no entities beyond the predefined ones. A DOCTYPE is refused.
 * Returns the parser's ordered representation; most callers want `parseXmlTree`.
 * @throws UnsafeXmlError when the document declares a DOCTYPE or is not well-formed enough to read.
 */
export function parseXml(xml: string): unknown {
	if (hasDoctype(xml)) throw new UnsafeXmlError('A DOCTYPE is not allowed in an Office file part.');
	try {
		return parser.parse(xml);
	} catch (error) {
		throw new UnsafeXmlError(`Unreadable XML: ${(error as Error).message}`);
	}
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

// Each item of the parser's ordered output holds one element (its name → its children, and its
// attributes under ':@') or one text run ('#text'). Elements are built straight into their parent,
// in one pass, with no per-item key arrays or intermediate results.
function addNodes(items: Ordered[], parent: XmlNode): void {
	for (const item of items) {
		for (const key in item) {
			if (key === ':@') continue;
			if (key === '#text') {
				parent.text += String(item[key]);
				continue;
			}
			const colon = key.indexOf(':');
			const node: XmlNode = {
				name: colon >= 0 ? key.slice(colon + 1) : key,
				qname: key,
				attrs: item[':@'] ?? NO_ATTRS,
				children: [],
				text: '',
			};
			addNodes((item[key] as Ordered[]) ?? [], node);
			parent.children.push(node);
		}
	}
}

/**
 * Parses XML safely (see `parseXml`) into a tree; returns the root element.
 * @throws UnsafeXmlError as `parseXml` does, or when there is no root element.
 */
export function parseXmlTree(xml: string): XmlNode {
	const document: XmlNode = { name: '', qname: '', attrs: NO_ATTRS, children: [], text: '' };
	addNodes(parseXml(xml) as Ordered[], document);
	const root = document.children[0];
	if (!root) throw new UnsafeXmlError('The XML part has no root element.');
	return root;
}

/** The attribute by qualified name, else by local name (`r:id` found by `id` only if no `id`). */
export function getAttr(node: XmlNode, name: string): string | undefined {
	if (name in node.attrs) return node.attrs[name];
	for (const [key, value] of Object.entries(node.attrs)) {
		if (key.slice(key.indexOf(':') + 1) === name) return value;
	}
	return undefined;
}

/** Direct children with the given local name. */
export function getChildren(node: XmlNode, name: string): XmlNode[] {
	return node.children.filter((child) => child.name === name);
}

/** First direct child with the given local name, or null. */
export function getChild(node: XmlNode, name: string): XmlNode | null {
	return node.children.find((child) => child.name === name) ?? null;
}

/** Every descendant (depth first, document order) with the given local name. */
export function findAll(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
	for (const child of node.children) {
		if (child.name === name) out.push(child);
		findAll(child, name, out);
	}
	return out;
}

/** First descendant with the given local name, or null. */
export function findFirst(node: XmlNode, name: string): XmlNode | null {
	for (const child of node.children) {
		if (child.name === name) return child;
		const deeper = findFirst(child, name);
		if (deeper) return deeper;
	}
	return null;
}

/** All text of the element and its descendants, in document order. */
export function getDeepText(node: XmlNode): string {
	return node.text + node.children.map(getDeepText).join('');
}
