/**
 * Who may read a course's analytics: admins, and instructors whose account email is in the
 * course's `instructors` list (course.md). Both conditions hold for instructors: the role is given
 * by an admin, the list by the course's authors, so signing up with an email that happens to be
 * listed is not enough; and the address must be confirmed (a link sent to it was opened), so nobody
 * gets a course by typing its instructor's address into the sign-up or account form before them.
 * Used by the /instructor pages and their CSV endpoints alike.
 */
import { getCourse, getCourses, type Course } from '../../courses.ts';
import { localizePath, type Locale } from '../../i18n.ts';
import type { SessionUser } from '../auth/session.ts';

/** True when `user` may read the analytics of `course`. */
export function canReadCourseAnalytics(
	user: Pick<SessionUser, 'email' | 'role' | 'emailVerified'>,
	course: Pick<Course, 'instructors'>,
): boolean {
	if (user.role === 'admin') return true;
	return (
		user.role === 'instructor' &&
		user.emailVerified &&
		course.instructors.includes(user.email.toLowerCase())
	);
}

/** The courses (drafts included) whose analytics `user` may read, in catalogue order. */
export async function getInstructorCourses(
	user: Pick<SessionUser, 'email' | 'role' | 'emailVerified'>,
	locale: Locale,
): Promise<Course[]> {
	const courses = await getCourses(locale, { includeDrafts: true });
	return courses.filter((c) => canReadCourseAnalytics(user, c));
}

export type AnalyticsAccess =
	| { kind: 'ok'; user: SessionUser; course: Course }
	| { kind: 'sign-in'; response: Response }
	| { kind: 'forbidden' }
	| { kind: 'not-found' };

/**
 * Decides a request for a course's analytics: anonymous visitors are sent to sign in (coming back
 * afterwards), learners and instructors of other courses are refused, unknown courses are not found.
 */
export async function getAnalyticsAccess(
	context: { locals: App.Locals; url: URL },
	locale: Locale,
	courseSlug: string | undefined,
): Promise<AnalyticsAccess> {
	const user = context.locals.user;
	if (!user) {
		const next = context.url.pathname + context.url.search;
		const location = `${localizePath('/login', locale)}?next=${encodeURIComponent(next)}`;
		return {
			kind: 'sign-in',
			response: new Response(null, { status: 303, headers: { location } }),
		};
	}
	if (user.role !== 'admin' && user.role !== 'instructor') return { kind: 'forbidden' };
	const course = courseSlug ? await getCourse(courseSlug, locale) : null;
	if (!course) return { kind: 'not-found' };
	if (!canReadCourseAnalytics(user, course)) return { kind: 'forbidden' };
	return { kind: 'ok', user, course };
}
