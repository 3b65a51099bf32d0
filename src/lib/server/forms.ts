/**
 * Reading form posts. Pages handle their own POSTs (so forms work without JavaScript), validate
 * with a Zod schema, and re-render with errors next to the fields and the typed values kept.
 */
import type { z } from 'astro/zod';

export type FieldErrors = Record<string, string>;

/** The submitted fields as strings, or null when the body is not a form (a 400). */
export async function readForm(request: Request): Promise<Record<string, string> | null> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
	try {
		const data = await request.formData();
		const fields: Record<string, string> = {};
		for (const [key, value] of data) if (typeof value === 'string') fields[key] = value;
		return fields;
	} catch {
		return null;
	}
}

/**
 * Validates fields. Error messages are i18n keys under `form.` (e.g. `emailInvalid`), one per field
 * (the first problem).
 */
export function validateForm<S extends z.ZodType>(
	schema: S,
	fields: Record<string, string>,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
	const result = schema.safeParse(fields);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		if (!(field in errors)) errors[field] = issue.message.startsWith('Invalid') || issue.message.includes(' ') ? 'invalid' : issue.message;
	}
	return { ok: false, errors };
}
