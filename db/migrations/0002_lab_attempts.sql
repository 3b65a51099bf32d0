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
