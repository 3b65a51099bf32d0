// Shared by the practice-file builders; the leading underscore keeps build.ts from running it.

/**
 * Sets every entry's DOS time and date in a zip to a fixed value (2026-01-05 00:00), so the
 * bytes do not depend on when the file was built. Walks the central directory from the end record.
 */
export function fixZipTimes(buf: Buffer): Buffer {
	const out = Buffer.from(buf);
	let eocd = -1;
	for (let i = out.length - 22; i >= 0; i--) {
		if (out.readUInt32LE(i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error('not a zip file');
	const count = out.readUInt16LE(eocd + 10);
	let p = out.readUInt32LE(eocd + 16);
	const dosTime = 0;
	const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 5;
	for (let n = 0; n < count; n++) {
		if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
		out.writeUInt16LE(dosTime, p + 12);
		out.writeUInt16LE(dosDate, p + 14);
		const local = out.readUInt32LE(p + 42);
		if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
		out.writeUInt16LE(dosTime, local + 10);
		out.writeUInt16LE(dosDate, local + 12);
		p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
	}
	return out;
}
