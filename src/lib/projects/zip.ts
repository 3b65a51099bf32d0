/**
 * Reading the zip container of an uploaded .xlsx/.docx/.pptx with limits, before and while inflating.
 *
 * Why not a zip library's "unzip everything" call: every library we looked at (fflate `unzipSync`,
 * jszip, yauzl) trusts the sizes the archive declares or grows its output buffer without a cap, so a
 * zip bomb is only noticed after memory is gone. Here the central directory is read first (entry
 * count, declared sizes, compression ratio) and each entry is inflated by Node's zlib with
 * `maxOutputLength` set to the size the directory declared, so a lying entry aborts mid-inflate.
 * Stored sizes of 0xFFFFFFFF (ZIP64) are refused: no Office file under the upload size needs them.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** Limits applied to an archive; every field has a default (see `DEFAULT_LIMITS`). */
export interface OpenLimits {
	/** Largest total uncompressed size of all entries, in bytes. Default 100 MB. */
	maxTotalUncompressed: number;
	/** Most entries the archive may have. Default 2,000. */
	maxEntries: number;
	/** Highest uncompressed/compressed ratio of one entry. Default 200. */
	maxRatio: number;
	/**
	 * Entries that declare less than this many uncompressed bytes are not held to `maxRatio`
	 * (a 60 KB sheet of empty styled rows legitimately compresses 300:1). Default 1 MiB.
	 */
	ratioFloorBytes: number;
}

/** Defaults for `OpenLimits`. */
export const DEFAULT_LIMITS: OpenLimits = {
	maxTotalUncompressed: 100 * 1000 * 1000,
	maxEntries: 2000,
	maxRatio: 200,
	ratioFloorBytes: 1024 * 1024,
};

/** Why an archive was not read. */
export type ZipRefusal = 'zip-bomb' | 'too-many-entries' | 'encrypted' | 'corrupt';

interface Entry {
	name: string;
	method: number;
	flags: number;
	crc: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

function readCentralDirectory(bytes: Uint8Array): Entry[] | ZipRefusal {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) return 'corrupt';
	const count = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	if (count === 0xffff || offset === 0xffffffff) return 'corrupt';
	const entries: Entry[] = [];
	const decoder = new TextDecoder();
	for (let i = 0; i < count; i++) {
		if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return 'corrupt';
		const nameLength = view.getUint16(offset + 28, true);
		const skip = nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
		entries.push({
			flags: view.getUint16(offset + 8, true),
			method: view.getUint16(offset + 10, true),
			crc: view.getUint32(offset + 16, true),
			compressedSize: view.getUint32(offset + 20, true),
			size: view.getUint32(offset + 24, true),
			localOffset: view.getUint32(offset + 42, true),
			name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
		});
		offset += 46 + skip;
	}
	return entries;
}

function checkLimits(entries: Entry[], limits: OpenLimits): ZipRefusal | null {
	if (entries.length > limits.maxEntries) return 'too-many-entries';
	let total = 0;
	for (const entry of entries) {
		if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return 'corrupt';
		total += entry.size;
		const ratio = entry.size / Math.max(entry.compressedSize, 1);
		if (entry.size >= limits.ratioFloorBytes && ratio > limits.maxRatio) return 'zip-bomb';
	}
	return total > limits.maxTotalUncompressed ? 'zip-bomb' : null;
}

function inflateEntry(bytes: Uint8Array, entry: Entry): Uint8Array | ZipRefusal {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.localOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return 'corrupt';
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (data.length !== entry.compressedSize) return 'corrupt';
	let out: Uint8Array;
	if (entry.method === 0) {
		out = data;
	} else if (entry.method === 8) {
		try {
			// maxOutputLength: a buffer of at least 1 byte, as zlib refuses 0.
			out = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
		} catch (error) {
			return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'zip-bomb' : 'corrupt';
		}
	} else {
		return 'corrupt';
	}
	if (out.length !== entry.size || crc32(out) !== entry.crc) return 'corrupt';
	return out;
}

/**
 * The entries of an opened archive by name, as a read-only map. Entries the opener was told to
 * read now are inflated when the archive is opened; the rest (pictures, fonts, embedded binaries:
 * nothing grading parses) are inflated, with the same per-entry cap and CRC check, only if someone
 * asks for them, so a deck of large photos costs nothing to grade. Iterate `keys()` to list names
 * without inflating; `values()`, `entries()` and iterating the map itself inflate everything.
 * @throws ZipEntryError from `get` (and the iterators) when a deferred entry is corrupt or holds
 * more than it declared.
 */
export class ZipParts implements ReadonlyMap<string, Uint8Array> {
	readonly #bytes: Uint8Array;
	readonly #ready = new Map<string, Uint8Array>();
	readonly #deferred = new Map<string, Entry>();
	readonly #names: string[] = [];

	constructor(bytes: Uint8Array) {
		this.#bytes = bytes;
	}

	/** @internal Adds an entry, inflated or deferred (used by `openZip`). */
	add(name: string, value: Uint8Array | Entry): void {
		this.#names.push(name);
		if (value instanceof Uint8Array) this.#ready.set(name, value);
		else this.#deferred.set(name, value);
	}

	get size(): number {
		return this.#names.length;
	}

	has(name: string): boolean {
		return this.#ready.has(name) || this.#deferred.has(name);
	}

	get(name: string): Uint8Array | undefined {
		const ready = this.#ready.get(name);
		if (ready) return ready;
		const entry = this.#deferred.get(name);
		if (!entry) return undefined;
		const out = inflateEntry(this.#bytes, entry);
		if (typeof out === 'string') throw new ZipEntryError(name, out);
		this.#deferred.delete(name);
		this.#ready.set(name, out);
		return out;
	}

	keys(): MapIterator<string> {
		return this.#names.values();
	}

	*values(): MapIterator<Uint8Array> {
		for (const name of this.#names) yield this.get(name)!;
	}

	*entries(): MapIterator<[string, Uint8Array]> {
		for (const name of this.#names) yield [name, this.get(name)!];
	}

	[Symbol.iterator](): MapIterator<[string, Uint8Array]> {
		return this.entries();
	}

	forEach(
		callback: (value: Uint8Array, key: string, map: ReadonlyMap<string, Uint8Array>) => void,
		thisArg?: unknown,
	): void {
		for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
	}
}

/** A deferred entry that turned out corrupt, or larger than declared, when it was read. */
export class ZipEntryError extends Error {
	readonly entry: string;
	readonly refusal: ZipRefusal;

	constructor(entry: string, refusal: ZipRefusal) {
		super(`The file's part ${entry} cannot be read (${refusal}).`);
		this.entry = entry;
		this.refusal = refusal;
	}
}

/**
 * Opens a zip archive, refusing it before inflating when the central directory breaks a limit
 * (entry count, total declared size, compression ratio), an entry is encrypted or a name repeats.
 * Entries for which `readNow(name)` is true are inflated at once (refusing the archive when one
 * holds more than it declared or fails its CRC); the others wait until asked for (see `ZipParts`).
 * Entry names are returned without a leading slash; directories are skipped.
 */
export function openZip(
	bytes: Uint8Array,
	limits: OpenLimits = DEFAULT_LIMITS,
	readNow: (name: string) => boolean = () => true,
): { ok: true; entries: ZipParts } | { ok: false; refusal: ZipRefusal } {
	const entries = readCentralDirectory(bytes);
	if (typeof entries === 'string') return { ok: false, refusal: entries };
	const refusal = checkLimits(entries, limits);
	if (refusal) return { ok: false, refusal };
	const parts = new ZipParts(bytes);
	for (const entry of entries) {
		if (entry.flags & 0x1) return { ok: false, refusal: 'encrypted' };
		if (entry.name.endsWith('/')) continue;
		const name = entry.name.replace(/^\/+/, '');
		if (parts.has(name)) return { ok: false, refusal: 'corrupt' };
		if (!readNow(name)) {
			parts.add(name, entry);
			continue;
		}
		const out = inflateEntry(bytes, entry);
		if (typeof out === 'string') return { ok: false, refusal: out };
		parts.add(name, out);
	}
	return { ok: true, entries: parts };
}

/**
 * Reads every entry of a zip archive into memory, refusing it before inflating when the central
 * directory breaks a limit, and while inflating when an entry holds more than it declared.
 * Entry names are returned without a leading slash; directories are skipped.
 */
export function readZip(
	bytes: Uint8Array,
	limits: OpenLimits = DEFAULT_LIMITS,
): { ok: true; entries: Map<string, Uint8Array> } | { ok: false; refusal: ZipRefusal } {
	const opened = openZip(bytes, limits);
	return opened.ok ? { ok: true, entries: new Map(opened.entries) } : opened;
}
