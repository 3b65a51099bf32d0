/**
 * Turning what an admin or instructor types into a search box into a SQL `LIKE` pattern.
 *
 * Names are stored NFC-normalised (`NameSchema`), so the query is normalised the same way: a
 * Bengali name typed with the precomposed য় (U+09DF) or as য + nukta finds the same learner, as
 * does Devanagari क़ in either form. White space is collapsed, and LIKE's own wildcards are escaped
 * (use with `escape '\'`).
 */

/** The query as stored text compares with it: NFC, trimmed, inner white space collapsed. */
export function normaliseSearchQuery(query: string): string {
	return query.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A LIKE pattern matching the normalised query anywhere, or null for an empty query.
 * @example toLikePattern(' 50%_off ') // '%50\\%\\_off%'
 */
export function toLikePattern(query: string): string | null {
	const q = normaliseSearchQuery(query);
	return q === '' ? null : `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
