/**
 * /manifest.webmanifest (and /bn/, /hi/): the web app manifest in each language, prerendered.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
	createTranslator,
	getLangParam,
	getLocaleFromParam,
	localizePath,
	LOCALES,
} from '~/lib/i18n.ts';

/** The web app manifest in each language (linked from every page of that language), prerendered. */
export const prerender = true;

export const getStaticPaths: GetStaticPaths = () =>
	LOCALES.map((l) => ({ params: { lang: getLangParam(l) } }));

export const GET: APIRoute = ({ params }) => {
	const locale = getLocaleFromParam(params.lang) ?? 'en';
	const t = createTranslator(locale);
	const manifest = {
		id: '/',
		name: t('site.name'),
		short_name: t('site.name'),
		description: t('site.description'),
		lang: locale,
		dir: 'ltr',
		start_url: localizePath('/dashboard', locale),
		scope: '/',
		display: 'standalone',
		theme_color: '#0b5cad',
		background_color: '#ffffff',
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
			{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
			{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
		],
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json' },
	});
};
