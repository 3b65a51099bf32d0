/**
 * POST /api/certificates/reissue — reissue the signed-in learner's certificate for a course in
 * their current account name (the old certificate's page then says "replaced by").
 * Body: form fields (or JSON) `{ course, next? }`; `next` is a same-site path to return to (303).
 * Answers: 303 for forms (to `next`, default the dashboard, with `?reissued=<current id>`), JSON
 * `{ ok, outcome: 'reissued' | 'unchanged', id }` for JSON; 400 malformed, 401 not signed in,
 * 404 no certificate, 409 revoked or suspended (neither can be reissued).
 */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { SlugSchema } from '~/lib/content/schemas.ts';
import { reissueCertificate } from '~/lib/server/certificates/issue.ts';
import { errorResponse, readBody } from '~/lib/server/http/body.ts';
import { getSafeNext } from '~/lib/server/page.ts';

const BodySchema = z.object({ course: SlugSchema, next: z.string().max(500).optional() });

export const POST: APIRoute = async ({ request, locals, redirect }) => {
	const t = locals.t;
	const { json: isJson, value } = await readBody(request);
	const fail = (status: number, message: string) =>
		errorResponse(status, message, { json: isJson });
	const parsed = BodySchema.safeParse(value);
	if (!parsed.success) return fail(400, t('error.badRequest'));
	if (!locals.user) return fail(401, t('cert.signInToReissue'));

	const result = await reissueCertificate(locals.user.id, parsed.data.course);
	if (result.outcome === 'missing') return fail(404, t('cert.reissueMissing'));
	if (result.outcome === 'revoked') return fail(409, t('cert.reissueRevoked'));
	if (result.outcome === 'suspended') return fail(409, t('cert.reissueSuspended'));
	if (isJson) return Response.json({ ok: true, outcome: result.outcome, id: result.id });
	const next = new URL(getSafeNext(parsed.data.next, locals.locale), 'http://x');
	next.searchParams.set('reissued', result.id);
	return redirect(next.pathname + next.search, 303);
};
