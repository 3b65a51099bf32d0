import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openOfficeFile, parseXml } from '../../src/lib/projects/ooxml.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'office');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

async function rezip(
	name: string,
	change: (zip: JSZip) => void | Promise<void>,
): Promise<Uint8Array> {
	const zip = await JSZip.loadAsync(fixture(name));
	await change(zip);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function cfb(streamName?: string): Uint8Array {
	const bytes = new Uint8Array(4096);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	if (streamName) bytes.set(Buffer.from(streamName, 'utf16le'), 1024);
	return bytes;
}

describe('openOfficeFile', () => {
	it('opens xlsx, docx and pptx files from LibreOffice and from the JavaScript writers by their content', () => {
		for (const writer of ['js', 'lo']) {
			for (const kind of ['xlsx', 'docx', 'pptx'] as const) {
				const opened = openOfficeFile(fixture(`${writer}-good.${kind}`));
				expect(opened.ok && opened.file.kind).toBe(kind);
			}
		}
	});

	it('reads a custom document property (where the attempt key lives)', async () => {
		const doc = new Document({
			customProperties: [{ name: 'DakshataAttemptKey', value: 'k-123' }],
			sections: [{ children: [new Paragraph('x')] }],
		});
		const opened = openOfficeFile(new Uint8Array(await Packer.toBuffer(doc)));
		expect(opened.ok && opened.file.customProperty('DakshataAttemptKey')).toBe('k-123');
		expect(opened.ok && opened.file.customProperty('Other')).toBeNull();
	});

	it('refuses a legacy .xls/.doc compound file and a password-protected Office file', () => {
		expect(openOfficeFile(cfb('Workbook'))).toEqual({ ok: false, refusal: 'legacy-format' });
		expect(openOfficeFile(cfb('EncryptedPackage'))).toEqual({ ok: false, refusal: 'encrypted' });
	});

	it('refuses macro-enabled workbooks, by content type or by a VBA project', async () => {
		const xlsm = await rezip('js-good.xlsx', async (zip) => {
			const types = await zip.file('[Content_Types].xml')!.async('string');
			zip.file(
				'[Content_Types].xml',
				types.replace(
					'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
					'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
				),
			);
		});
		expect(openOfficeFile(xlsm)).toEqual({ ok: false, refusal: 'macro-enabled' });
		const withVba = await rezip('lo-good.docx', (zip) => void zip.file('word/vbaProject.bin', 'x'));
		expect(openOfficeFile(withVba)).toEqual({ ok: false, refusal: 'macro-enabled' });
	});

	it('refuses CSV text, a renamed executable and a zip that is not an Office package', async () => {
		expect(
			openOfficeFile(new TextEncoder().encode('Date,Region,Amount\n2026-01-05,Sylhet,420.5\n')),
		).toEqual({ ok: false, refusal: 'csv' });
		const exe = new Uint8Array(512);
		exe.set([0x4d, 0x5a, 0x90, 0x00]);
		expect(openOfficeFile(exe)).toEqual({ ok: false, refusal: 'not-office' });
		const zip = new JSZip();
		zip.file('readme.txt', 'hello');
		expect(openOfficeFile(await zip.generateAsync({ type: 'uint8array' }))).toEqual({
			ok: false,
			refusal: 'not-office',
		});
	});

	it('refuses a zip bomb from its central directory, before inflating', async () => {
		const bomb = await rezip(
			'js-good.xlsx',
			(zip) => void zip.file('xl/media/filler.bin', new Uint8Array(20 * 1024 * 1024)),
		);
		expect(openOfficeFile(bomb)).toEqual({ ok: false, refusal: 'zip-bomb' });
		expect(openOfficeFile(fixture('js-good.xlsx'), { maxTotalUncompressed: 1000 })).toEqual({
			ok: false,
			refusal: 'zip-bomb',
		});
		expect(openOfficeFile(fixture('js-good.xlsx'), { maxEntries: 5 })).toEqual({
			ok: false,
			refusal: 'too-many-entries',
		});
	});

	it('stops inflating an entry that holds more than its declared size', () => {
		// A one-entry zip whose directory declares 10 bytes for 100,000 bytes of deflated zeros.
		const data = deflateRawSync(Buffer.alloc(100000));
		const name = Buffer.from('[Content_Types].xml');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(10, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(10, 24);
		central.writeUInt16LE(name.length, 28);
		const end = Buffer.alloc(22);
		const centralOffset = local.length + name.length + data.length;
		end.writeUInt32LE(0x06054b50, 0);
		end.writeUInt16LE(1, 8);
		end.writeUInt16LE(1, 10);
		end.writeUInt32LE(central.length + name.length, 12);
		end.writeUInt32LE(centralOffset, 16);
		const zip = Buffer.concat([local, name, data, central, name, end]);
		expect(openOfficeFile(new Uint8Array(zip))).toEqual({ ok: false, refusal: 'zip-bomb' });
	});

	it('refuses a truncated file and a part with a DOCTYPE (XXE or entity expansion)', async () => {
		const good = fixture('lo-good.docx');
		expect(openOfficeFile(good.subarray(0, good.length - 100))).toEqual({
			ok: false,
			refusal: 'corrupt',
		});
		const xxe = await rezip('lo-good.docx', async (zip) => {
			const xml = await zip.file('word/document.xml')!.async('string');
			zip.file(
				'word/document.xml',
				xml.replace('?>', '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
			);
		});
		expect(openOfficeFile(xxe)).toEqual({ ok: false, refusal: 'corrupt' });
		const lowerCase = await rezip('lo-good.docx', async (zip) => {
			const xml = await zip.file('word/styles.xml')!.async('string');
			zip.file('word/styles.xml', xml.replace('?>', '?><!doctype d [<!entity x "y">]>'));
		});
		expect(openOfficeFile(lowerCase)).toEqual({ ok: false, refusal: 'corrupt' });
	});

	it('inflates a picture only when asked for it, with the same CRC check', async () => {
		const zip = await JSZip.loadAsync(fixture('lo-good.docx'));
		zip.file('word/media/photo.png', 'PICTURE-BYTES-PICTURE-BYTES', { compression: 'STORE' });
		const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		const at = Buffer.from(bytes).indexOf('PICTURE-BYTES');
		bytes[at] = 'X'.charCodeAt(0); // the stored picture no longer matches its CRC
		const opened = openOfficeFile(bytes);
		if (!opened.ok) throw new Error(opened.refusal);
		expect([...opened.file.parts.keys()]).toContain('word/media/photo.png');
		expect(opened.file.text('word/document.xml')).toContain('<w:body>');
		expect(() => opened.file.parts.get('word/media/photo.png')).toThrow(/photo\.png/);
	});
});

describe('parseXml', () => {
	it('refuses a DOCTYPE and decodes only the predefined entities', () => {
		expect(() => parseXml('<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>')).toThrow(/DOCTYPE/);
		expect(parseXml('<a t="&lt;&amp;">x &gt; y</a>')).toEqual([
			{ a: [{ '#text': 'x > y' }], ':@': { t: '<&' } },
		]);
	});
});
