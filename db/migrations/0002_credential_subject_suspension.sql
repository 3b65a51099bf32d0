CREATE TABLE `credential_subject` (
	`user_id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credential_subject_subject_id_unique` ON `credential_subject` (`subject_id`);--> statement-breakpoint
ALTER TABLE `certificate` ADD `suspended_at` integer;--> statement-breakpoint
ALTER TABLE `certificate` ADD `suspended_reason` text;--> statement-breakpoint
ALTER TABLE `certificate` ADD `evidence` text;