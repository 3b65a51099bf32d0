/**
 * Finds a Chromium for the end-to-end tests: PLAYWRIGHT_CHROMIUM_PATH if set, else a system
 * Chromium, else Playwright's own download. With none, when running as root on Debian it installs
 * the `chromium` package; otherwise it stops with a one-line instruction.
 *
 * Prints the path on stdout (used by scripts/test.ts and playwright.config.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium(): string | null {
	const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
	if (fromEnv && existsSync(fromEnv)) return fromEnv;
	for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
		if (existsSync(path)) return path;
	}
	return null;
}

export function ensureChromium(): string {
	const found = findChromium();
	if (found) return found;
	// Playwright's own browser, if one was downloaded (`npx playwright install chromium`).
	try {
		const path = execFileSync(
			process.execPath,
			['-e', "import('playwright-core').then(p=>console.log(p.chromium.executablePath()))"],
			{
				encoding: 'utf8',
			},
		).trim();
		if (path && existsSync(path)) return path;
	} catch {
		// not installed
	}
	const isRoot = process.getuid?.() === 0;
	if (isRoot && existsSync('/etc/debian_version')) {
		console.error("No Chromium found: installing Debian's chromium package (apt-get)…");
		const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
		const install = spawnSync(
			'apt-get',
			['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-core'],
			{
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			},
		);
		const path = findChromium();
		if (update.status === 0 && install.status === 0 && path) return path;
	}
	console.error(
		'No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.',
	);
	process.exit(1);
}

/**
 * The PDF tests read certificates with poppler's pdftotext and pdftoppm. Installs poppler-utils as
 * root on Debian when they are missing; otherwise stops with a one-line instruction.
 */
export function ensurePoppler(): void {
	const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
	if (has('pdftotext') && has('pdftoppm')) return;
	if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
		console.error(
			"pdftotext/pdftoppm not found: installing Debian's poppler-utils package (apt-get)…",
		);
		spawnSync('apt-get', ['update'], { stdio: 'inherit' });
		spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'poppler-utils'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		if (has('pdftotext') && has('pdftoppm')) return;
	}
	console.error(
		'pdftotext and pdftoppm are needed by the certificate tests. Install poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils).',
	);
	process.exit(1);
}

if (import.meta.main) console.log(ensureChromium());
