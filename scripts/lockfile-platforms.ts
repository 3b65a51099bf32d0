/**
 * Keeps package-lock.json usable by `npm ci` on the machines this project is developed on.
 *
 * Why: the npm registry reachable here serves only the Linux builds of @astrojs/compiler-binding's
 * platform packages, so `npm install` leaves the others out of the lock file, and `npm ci` then
 * refuses the lock as "out of sync" ("Missing: @astrojs/compiler-binding-darwin-arm64@ from lock
 * file"). This script adds lock entries for the missing platform packages, marked optional with
 * their os/cpu/libc, so npm ci skips them on Linux exactly as it would with a complete lock file
 * (and fetches them on other platforms from a registry that has them). Run it after `npm install`
 * changes the lock file: node scripts/lockfile-platforms.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(import.meta.dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const PLATFORMS: Record<string, { os?: string[]; cpu: string[]; libc?: string[] }> = {
	'android-arm64': { os: ['android'], cpu: ['arm64'] },
	'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
	'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
	'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
	'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
	'wasm32-wasi': { cpu: ['wasm32'] },
	'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
	'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [key, entry] of Object.entries(
	lock.packages as Record<string, { optionalDependencies?: Record<string, string> }>,
)) {
	if (!key.endsWith('node_modules/@astrojs/compiler-binding')) continue;
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const path = `node_modules/${name}`;
		const platform = PLATFORMS[name.replace('@astrojs/compiler-binding-', '')];
		if (lock.packages[path] || !platform) continue;
		lock.packages[path] = {
			version,
			...platform,
			license: 'MIT',
			optional: true,
			engines: { node: '^20.19.0 || >=22.12.0' },
		};
		added++;
	}
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entr${added === 1 ? 'y' : 'ies'}.`);
