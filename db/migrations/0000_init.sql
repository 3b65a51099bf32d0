CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`detail` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `certificate` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`course_title` text NOT NULL,
	`course_version` text NOT NULL,
	`learner_name` text NOT NULL,
	`hours` real NOT NULL,
	`skills` text NOT NULL,
	`issuer` text NOT NULL,
	`issued_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_reason` text,
	`superseded_by` text,
	`status_index` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_current_idx` ON `certificate` (`user_id`,`course_slug`) WHERE superseded_by is null;--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_status_index_idx` ON `certificate` (`status_index`);--> statement-breakpoint
CREATE INDEX `certificate_course_idx` ON `certificate` (`course_slug`,`issued_at`);--> statement-breakpoint
CREATE TABLE `enrolment` (
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`enrolled_at` integer NOT NULL,
	`left_at` integer,
	`last_lesson_slug` text,
	`last_active_at` integer,
	`completed_at` integer,
	PRIMARY KEY(`user_id`, `course_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `enrolment_course_idx` ON `enrolment` (`course_slug`,`enrolled_at`);--> statement-breakpoint
CREATE TABLE `lesson_progress` (
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`lesson_slug` text NOT NULL,
	`first_visited_at` integer,
	`completed_at` integer,
	PRIMARY KEY(`user_id`, `course_slug`, `lesson_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lesson_progress_course_idx` ON `lesson_progress` (`course_slug`,`lesson_slug`);--> statement-breakpoint
CREATE TABLE `one_time_token` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`purpose` text NOT NULL,
	`user_id` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `one_time_token_user_idx` ON `one_time_token` (`user_id`);--> statement-breakpoint
CREATE TABLE `progress_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`lesson_slug` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `progress_event_course_idx` ON `progress_event` (`course_slug`,`at`);--> statement-breakpoint
CREATE INDEX `progress_event_user_idx` ON `progress_event` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `quiz_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`quiz_id` text NOT NULL,
	`locale` text NOT NULL,
	`layout` text NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer,
	`submitted_at` integer,
	`answers` text,
	`score` real,
	`passed` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempt_user_quiz_idx` ON `quiz_attempt` (`user_id`,`course_slug`,`quiz_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `quiz_attempt_course_idx` ON `quiz_attempt` (`course_slug`,`quiz_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `quiz_response` (
	`attempt_id` text NOT NULL,
	`question_id` text NOT NULL,
	`credit` real NOT NULL,
	`response` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rate_limit` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_verified_at` integer NOT NULL,
	`device` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'learner' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`disabled_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_idx` ON `user` (`email`);--> statement-breakpoint
CREATE INDEX `user_role_idx` ON `user` (`role`);