CREATE TABLE `project_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`project_id` text NOT NULL,
	`seed` text NOT NULL,
	`started_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_attempt_user_idx` ON `project_attempt` (`user_id`,`course_slug`,`project_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `project_submission` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`project_id` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`score` real NOT NULL,
	`passed` integer NOT NULL,
	`steps` text NOT NULL,
	`stored_path` text,
	FOREIGN KEY (`attempt_id`) REFERENCES `project_attempt`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_submission_user_idx` ON `project_submission` (`user_id`,`course_slug`,`project_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `project_submission_course_idx` ON `project_submission` (`course_slug`,`project_id`,`submitted_at`);