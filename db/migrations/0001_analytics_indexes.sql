DROP INDEX `enrolment_course_idx`;--> statement-breakpoint
CREATE INDEX `enrolment_course_idx` ON `enrolment` (`course_slug`,`enrolled_at`,`completed_at`,`last_active_at`);--> statement-breakpoint
DROP INDEX `lesson_progress_course_idx`;--> statement-breakpoint
CREATE INDEX `lesson_progress_course_idx` ON `lesson_progress` (`course_slug`,`lesson_slug`,`completed_at`);