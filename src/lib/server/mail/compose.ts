/**
 * Shaping a message: the HTML part is made from the plain-text part (one source, so the two never
 * disagree), with links as plain `<a href>` to the link itself: no tracking pixels, no redirect
 * links, no remote images or styles. Free of Astro imports (the sender runs in the start script).
 */

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Escapes one line of text and turns each http(s) URL in it into a link. */
function linkifyLine(line: string): string {
	let out = '';
	let last = 0;
	for (const match of line.matchAll(URL_PATTERN)) {
		out += escapeHtml(line.slice(last, match.index));
		const url = escapeHtml(match[0]);
		out += `<a href="${url}">${url}</a>`;
		last = match.index + match[0].length;
	}
	return out + escapeHtml(line.slice(last));
}

/**
 * The HTML part of a message: paragraphs from blank-line-separated blocks, line breaks kept, links
 * clickable, the language declared so screen readers and mail apps pick the right voice and font.
 * @example renderMailHtml('Hello\n\nhttps://x.example/a', 'en', 'Hi')
 */
export function renderMailHtml(text: string, locale: string, subject: string): string {
	const paragraphs = text
		.trim()
		.split(/\n\s*\n/)
		.map((block) => `<p>${block.split('\n').map(linkifyLine).join('<br>\n')}</p>`)
		.join('\n');
	return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 36em;">
${paragraphs}
</body>
</html>
`;
}

/**
 * An address shortened for lists that admins see: first and last letter of the local part, the
 * domain kept (so a bouncing domain is recognisable).
 * @example maskAddress('rahima.khatun@example.org') // 'r…n@example.org'
 */
export function maskAddress(address: string): string {
	const at = address.lastIndexOf('@');
	if (at < 1) return '…';
	const local = address.slice(0, at);
	const masked = local.length <= 2 ? `${local[0]}…` : `${local[0]}…${local[local.length - 1]}`;
	return `${masked}${address.slice(at)}`;
}
