/**
 * The CSP hash of Solid's hydration bootstrap script.
 *
 * Astro's CSP hashes the scripts it bundles and its own island loader, but not the inline script a
 * renderer adds before the first island (`renderHydrationScript`, which @astrojs/solid-js fills
 * with Solid's `generateHydrationScript()`); without its hash the browser blocks it and Solid
 * islands fail to hydrate ("Cannot read properties of undefined (reading 'done')"). The Astro config
 * adds this hash to `security.csp.scriptDirective.hashes` (per-page `Astro.csp.insertScriptHash`
 * from a component comes too late: the lesson's MDX renders after the headers are sent). It is
 * computed from the installed solid-js at config time, so it follows upgrades. Free of Astro imports.
 */
import { createHash } from 'node:crypto';
import { generateHydrationScript } from 'solid-js/web';

const body = /^<script[^>]*>([\s\S]*?)<\/script>/.exec(generateHydrationScript())?.[1] ?? '';

/** `sha256-…` of the script body, for `script-src`. */
export const SOLID_HYDRATION_SCRIPT_HASH =
	`sha256-${createHash('sha256').update(body).digest('base64')}` as const;
