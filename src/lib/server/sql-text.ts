/**
 * SQL text with `?` placeholders for the hot paths that run through the group writer's prepared
 * statements (`write` and `read`, ./db-writer.ts): a quiz submission, a start, a completion.
 *
 * Why not drizzle's `sql` there: turning a drizzle `sql` template into text walks every chunk with
 * drizzle's `is()` checks, and in a CPU profile of `npm run bench -- quiz` that building was a
 * seventh of the server's time. `sqlText` only joins strings. Values are always bound as
 * parameters, never spliced into the text; a fragment made by `sqlText` may be nested in another
 * (its text and values are spliced in at that place).
 */

const FRAGMENT = Symbol('sqlText');

/** A statement (or a fragment of one): SQL text and the values of its placeholders, in order. */
export interface SqlText {
	readonly sql: string;
	readonly args: unknown[];
	readonly [FRAGMENT]: true;
}

/** `sqlText\`select … where id = ${id}\`` → `{ sql: 'select … where id = ?', args: [id] }`. */
export function sqlText(strings: TemplateStringsArray, ...values: unknown[]): SqlText {
	let text = strings[0]!;
	const args: unknown[] = [];
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (isSqlText(value)) {
			text += value.sql;
			args.push(...value.args);
		} else {
			text += '?';
			args.push(value);
		}
		text += strings[i + 1]!;
	}
	return { sql: text, args, [FRAGMENT]: true };
}

/** Fragments joined by `separator` (plain SQL text, e.g. `', '`). */
export function joinSqlText(fragments: SqlText[], separator: string): SqlText {
	return {
		sql: fragments.map((f) => f.sql).join(separator),
		args: fragments.flatMap((f) => f.args),
		[FRAGMENT]: true,
	};
}

/** A list of bound values, `?, ?, ?`, for `in (…)`; `values` must not be empty. */
export function sqlList(values: readonly unknown[]): SqlText {
	return { sql: values.map(() => '?').join(', '), args: [...values], [FRAGMENT]: true };
}

/** Fixed SQL text (never a value from a request): column lists and the like. */
export function sqlRaw(text: string): SqlText {
	return { sql: text, args: [], [FRAGMENT]: true };
}

export function isSqlText(value: unknown): value is SqlText {
	return typeof value === 'object' && value !== null && FRAGMENT in value;
}
