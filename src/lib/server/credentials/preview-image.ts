/**
 * The certificate as a PNG for link previews (Open Graph `og:image`): page 1 of the PDF rendered
 * 1200 px wide by poppler's `pdftoppm`, which the server uses when it is installed (Debian
 * package poppler-utils). Without it the image is simply not offered (null; logged once).
 * Rendered images are kept in a small LRU keyed like the PDF cache, so a shared link that many
 * previewers fetch is rendered once.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { log } from '../log.ts';

const run = promisify(execFile);
const cache = new Map<string, Promise<Buffer | null>>();
const CACHE_SIZE = 50;
let unavailable = false;

async function render(pdf: Buffer): Promise<Buffer | null> {
	if (unavailable) return null;
	const dir = await mkdtemp(join(tmpdir(), 'dakshata-og-'));
	try {
		await writeFile(join(dir, 'c.pdf'), pdf);
		await run(
			'pdftoppm',
			['-png', '-singlefile', '-scale-to', '1200', join(dir, 'c.pdf'), join(dir, 'c')],
			{
				timeout: 15_000,
			},
		);
		return await readFile(join(dir, 'c.png'));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			unavailable = true;
			log.warn(
				'pdftoppm (poppler-utils) is not installed: certificate link previews have no image',
			);
		} else log.error({ err: error }, 'could not render the certificate preview image');
		return null;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** The preview PNG of a certificate PDF (`key` names its state), or null when it cannot be made. */
export function getPreviewImage(
	key: string,
	getPdf: () => Promise<Buffer>,
): Promise<Buffer | null> {
	let png = cache.get(key);
	if (png) cache.delete(key);
	else png = getPdf().then(render);
	cache.set(key, png);
	if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
	return png;
}
