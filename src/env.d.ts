/// <reference types="astro/client" />

declare namespace App {
	interface Locals {
		/** Id of this request, in every log line about it. */
		requestId: string;
		/** Interface language of this request, from the path prefix. */
		locale: import('./lib/i18n.ts').Locale;
		/** The interface-string translator for `locale`, made once per request. */
		t: import('./lib/i18n.ts').Translate;
		/** The signed-in user, or null. */
		user: import('./lib/server/auth/session.ts').SessionUser | null;
		/** The current session, or null. */
		session: import('./lib/server/auth/session.ts').Session | null;
		/** Set by the lesson page while it renders the lesson, for author components (Quiz, Download, Figure…). */
		lesson?: {
			courseSlug: string;
			lessonSlug: string;
			/** Path of the lesson's source file, relative to the repository root, for error messages. */
			file: string;
			objectives: string[];
			/** Whether the signed-in learner is enrolled (quizzes count) — false for visitors. */
			enrolled: boolean;
		};
	}
}
