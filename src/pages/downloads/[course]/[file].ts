/**
 * Practice files offered with <Download>, prerendered at build time from courses/<slug>/files/,
 * so they are served as static files with caching.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const prerender = true;

export const getStaticPaths: GetStaticPaths = () => {
	const root = join(process.cwd(), 'courses');
	const paths: { params: { course: string; file: string } }[] = [];
	for (const course of existsSync(root) ? readdirSync(root) : []) {
		const dir = join(root, course, 'files');
		if (!existsSync(dir)) continue;
		for (const file of readdirSync(dir))
			if (!file.startsWith('.')) paths.push({ params: { course, file } });
	}
	return paths;
};

export const GET: APIRoute = ({ params }) => {
	const bytes = readFileSync(join(process.cwd(), 'courses', params.course!, 'files', params.file!));
	return new Response(bytes);
};
