/**
 * POST /api/progress — mark a lesson complete or not complete.
 * Body: JSON `{ course, lesson, action: 'complete' | 'uncomplete' }` or the same fields as a form
 * (plus `back`, a same-site path to return to with 303). Signed-in learners only; a learner can
 * only change their own progress (the user comes from the session, never from the body).
 * Answers: 200 JSON `{ ok, changed, progress: { done, required, percent } }`, 303 for forms,
 * 400 for malformed input, 401 when not signed in, 404 for an unknown course or lesson.
 */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { getCourse } from '~/lib/courses.ts';
import { errorResponse, readBody } from '~/lib/server/http/body.ts';
import { getSafeNext } from '~/lib/server/page.ts';
import { summariseRecord } from '~/lib/course-progress.ts';
import { completeLesson, uncompleteLesson } from '~/lib/server/progress/enrolment.ts';
import { getLearnerRecord } from '~/lib/server/progress/learner-record.ts';
import { SlugSchema } from '~/lib/content/schemas.ts';

const BodySchema = z.object({
	course: SlugSchema,
	lesson: SlugSchema,
	action: z.enum(['complete', 'uncomplete']),
	back: z.string().max(500).optional(),
});

export const POST: APIRoute = async ({ request, locals, redirect }) => {
	const t = locals.t;
	const { json: isJson, value } = await readBody(request);
	const fail = (status: number, message: string) =>
		errorResponse(status, message, { json: isJson });
	const parsed = BodySchema.safeParse(value);
	if (!parsed.success) return fail(400, t('error.badRequest'));
	if (!locals.user) return fail(401, t('progress.notSignedIn'));
	const course = await getCourse(parsed.data.course, 'en');
	if (!course || !course.lessons.some((l) => l.slug === parsed.data.lesson))
		return fail(404, t('progress.invalid'));

	const { changed, record } =
		parsed.data.action === 'complete'
			? await completeLesson(locals.user.id, course, parsed.data.lesson)
			: {
					changed: await uncompleteLesson(locals.user.id, course.slug, parsed.data.lesson),
					record: null,
				};
	if (!isJson) return redirect(getSafeNext(parsed.data.back, locals.locale), 303);
	const progress = summariseRecord(
		course,
		record ?? (await getLearnerRecord(locals.user.id, course.slug)),
	);
	return Response.json({
		ok: true,
		changed,
		progress: { done: progress.done, required: progress.required, percent: progress.percent },
	});
};
