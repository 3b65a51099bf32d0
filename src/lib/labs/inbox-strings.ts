/** The interface strings the inbox island needs (keys under `lab.inbox.` in content/i18n). */
export const INBOX_STRING_KEYS = [
	'actions',
	'folder',
	'folderInbox',
	'reply',
	'noReply',
	'forward',
	'useTemplate',
	'flag',
	'archive',
	'phishing',
	'replyText',
	'meeting',
	'fromLine',
	'linkGoesTo',
	'listLabel',
	'flagged',
	'archived',
	'reported',
	'replied',
] as const;

export type InboxStrings = Record<(typeof INBOX_STRING_KEYS)[number], string>;
