/**
 * A page with a few per-learner values in it (ids), gzip-compressed without compressing it per
 * request: the fixed text between the values is compressed once, each piece ending on a full flush
 * (byte-aligned, nothing referring back across it), so the pieces can be laid end to end; each
 * request adds its values as stored (uncompressed) deflate blocks, a final empty block, and the gzip
 * trailer (CRC-32 and length of the whole page). The result is one ordinary gzip member
 * (RFC 1951 §3.2.4 stored blocks, RFC 1952), as `gunzip` and every browser read it.
 * Cost per request: one CRC-32 pass over the page and a copy; no compression.
 */
import { constants as zlib, crc32, deflateRawSync } from 'node:zlib';

export interface SplicedPage {
	/** The page's fixed text: `segments[0] value(slots[0]) segments[1] … segments[n]`. */
	segments: Buffer[];
	/** Each segment compressed, ending on a full flush. */
	deflated: Buffer[];
	/** Which value goes after each segment but the last. */
	slots: number[];
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** A final, empty stored block. */
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/** Splits `html` at every occurrence of each (non-empty) value and compresses the pieces. */
export function prepareSplicedPage(html: string, values: string[]): SplicedPage {
	const segments: Buffer[] = [];
	const slots: number[] = [];
	let from = 0;
	for (;;) {
		let at = -1;
		let slot = -1;
		values.forEach((value, i) => {
			if (!value) return;
			const found = html.indexOf(value, from);
			if (found !== -1 && (at === -1 || found < at)) {
				at = found;
				slot = i;
			}
		});
		if (at === -1) break;
		segments.push(Buffer.from(html.slice(from, at)));
		slots.push(slot);
		from = at + values[slot]!.length;
	}
	segments.push(Buffer.from(html.slice(from)));
	const deflated = segments.map((s) =>
		deflateRawSync(s, { level: 9, finishFlush: zlib.Z_FULL_FLUSH }),
	);
	return { segments, deflated, slots };
}

/** A stored (uncompressed) deflate block holding `data` (at most 65,535 bytes). */
function storedBlock(data: Buffer): Buffer {
	const n = data.length;
	const head = Buffer.from([0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]);
	return Buffer.concat([head, data]);
}

/** The page with `values` filled in, uncompressed. */
export function fillSplicedPage(page: SplicedPage, values: string[]): Buffer {
	const parts: Buffer[] = [];
	page.segments.forEach((segment, i) => {
		parts.push(segment);
		if (i < page.slots.length) parts.push(Buffer.from(values[page.slots[i]!] ?? ''));
	});
	return Buffer.concat(parts);
}

/** The page with `values` filled in, as a gzip member. */
export function gzipSplicedPage(page: SplicedPage, values: string[]): Buffer {
	const parts: Buffer[] = [GZIP_HEADER];
	let crc = 0;
	let size = 0;
	page.segments.forEach((segment, i) => {
		parts.push(page.deflated[i]!);
		crc = crc32(segment, crc);
		size += segment.length;
		if (i < page.slots.length) {
			const value = Buffer.from(values[page.slots[i]!] ?? '');
			if (value.length > 65_535) throw new Error('a spliced value is too long for one block');
			if (value.length > 0) parts.push(storedBlock(value));
			crc = crc32(value, crc);
			size += value.length;
		}
	});
	const trailer = Buffer.alloc(8);
	trailer.writeUInt32LE(crc >>> 0, 0);
	trailer.writeUInt32LE(size >>> 0, 4);
	parts.push(FINAL_BLOCK, trailer);
	return Buffer.concat(parts);
}
