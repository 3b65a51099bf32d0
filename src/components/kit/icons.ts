/**
 * The few icons the lesson components draw, as inline SVG (1em square, currentColor), so no icon
 * depends on a font: a character such as ★ or ⬇ is in none of the page's fonts and would make a
 * browser fetch or fall back to another one. Always decorative: the caller sets aria-hidden.
 */
const svg = (body: string) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" focusable="false" aria-hidden="true">${body}</svg>`;

export const ICONS = {
	note: svg(
		'<path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 3a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm1.2 8H6.8v-1h.7V8h-.7V7h2v4h.4Z"/>',
	),
	tip: svg('<path d="M6.2 11.6 2.6 8l1.2-1.2 2.4 2.4 6-6L13.4 4.4Z"/>'),
	warning: svg('<path d="M8 1 15 14H1Zm-.8 4.5v4h1.6v-4Zm0 5.3v1.6h1.6v-1.6Z"/>'),
	'client-tip': svg(
		'<path d="m8 1 2.1 4.5 4.9.6-3.6 3.4.9 4.9L8 12l-4.3 2.4.9-4.9L1 6.1l4.9-.6Z"/>',
	),
	download: svg(
		'<path d="M7.2 1h1.6v8.1l2.8-2.8 1.1 1.1L8 12.1 3.3 7.4l1.1-1.1 2.8 2.8ZM2 13.4h12V15H2Z"/>',
	),
} as const;
