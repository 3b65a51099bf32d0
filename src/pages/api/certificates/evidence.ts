/**
 * POST /api/certificates/evidence — the signed-in learner shows or hides the graded work of one
 * of their certificates to people who check it (the public page /verify/<id>/evidence; see
 * src/lib/server/credentials/evidence-page.ts). Off by default.
 * Body: form fields (or JSON) `{ certificate, public: 'on' | 'off', next? }`; `next` is a same-site
 * path to return to (303). Answers: 303 for forms (to `next`, default the dashboard), JSON
 * `{ ok, public }` for JSON; 400 malformed, 401 not signed in, 404 no such certificate of this
 * learner (someone else's certificate answers the same), 409 revoked, replaced or nothing graded.
 */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { isCertificateId } from '~/lib/certificates/links.ts';
import { createTranslator } from '~/lib/i18n.ts';
import { setEvidencePublic } from '~/lib/server/credentials/evidence-page.ts';
import { readForm } from '~/lib/server/http/body.ts';
import { getSafeNext } from '~/lib/server/page.ts';

const BodySchema = z.object({
	certificate: z.string().refine(isCertificateId),
	public: z.enum(['on', 'off']),
	next: z.string().max(500).optional(),
});

export const POST: APIRoute = async ({ request, locals, redirect }) => {
	const t = createTranslator(locals.locale);
	const isJson = (request.headers.get('content-type') ?? '').startsWith('application/json');
	const fail = (status: number, message: string) =>
		isJson
			? Response.json({ ok: false, error: message }, { status })
			: new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

	const raw = isJson ? await request.json().catch(() => undefined) : await readForm(request);
	const parsed = BodySchema.safeParse(raw);
	if (!parsed.success) return fail(400, t('error.badRequest'));
	if (!locals.user) return fail(401, t('cert.evidenceSignIn'));

	const on = parsed.data.public === 'on';
	const outcome = await setEvidencePublic(locals.user.id, parsed.data.certificate, on);
	if (outcome === 'missing') return fail(404, t('cert.evidenceMissing'));
	if (outcome === 'closed') return fail(409, t('cert.evidenceClosed'));
	if (outcome === 'no-evidence') return fail(409, t('cert.evidenceNone'));
	if (isJson) return Response.json({ ok: true, public: on });
	const next = new URL(getSafeNext(parsed.data.next, locals.locale), 'http://x');
	return redirect(next.pathname + next.search + `#cert-${parsed.data.certificate}`, 303);
};
