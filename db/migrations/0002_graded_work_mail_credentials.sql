CREATE TABLE `credential_subject` (
	`user_id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credential_subject_subject_id_unique` ON `credential_subject` (`subject_id`);--> statement-breakpoint
CREATE TABLE `email_verification` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`user_id` text NOT NULL,
	`email` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_verification_user_idx` ON `email_verification` (`user_id`);--> statement-breakpoint
CREATE TABLE `health_probe` (
	`id` integer PRIMARY KEY NOT NULL,
	`checked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lab_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`lab_id` text NOT NULL,
	`locale` text NOT NULL,
	`variant` integer NOT NULL,
	`seed` text NOT NULL,
	`started_at` integer NOT NULL,
	`submitted_at` integer,
	`submission` text,
	`report` text,
	`score` real,
	`passed` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lab_attempt_user_lab_idx` ON `lab_attempt` (`user_id`,`course_slug`,`lab_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `lab_attempt_course_idx` ON `lab_attempt` (`course_slug`,`lab_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `lab_rule_result` (
	`attempt_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`credit` real NOT NULL,
	PRIMARY KEY(`attempt_id`, `rule_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `lab_attempt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`to` text NOT NULL,
	`locale` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`give_up_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
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
CREATE INDEX `project_submission_course_idx` ON `project_submission` (`course_slug`,`project_id`,`submitted_at`);--> statement-breakpoint
ALTER TABLE `certificate` ADD `suspended_at` integer;--> statement-breakpoint
ALTER TABLE `certificate` ADD `suspended_reason` text;--> statement-breakpoint
ALTER TABLE `certificate` ADD `evidence` text;--> statement-breakpoint
ALTER TABLE `user` ADD `email_verified_at` integer;