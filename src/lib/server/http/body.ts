/**
 * The one request-body layer of pages and endpoints: read a body (a form, JSON, or either),
 * validate it with a Zod schema, and answer a refusal. Pages handle their own POSTs (so forms work
 * without JavaScript) and re-render with errors next to the fields and the typed values kept;
 * endpoints answer JSON clients with `{ ok: false, error }` and form posts with plain text.
 *
 * Readers stop at a byte limit whatever Content-Length says (scripts/serve.ts refuses larger
 * bodies earlier, see body-limits.ts; the limit here holds under any server).
 */
import type { z } from 'astro/zod';
import { isMessageKey } from '../../i18n.ts';
import { FORM_BODY_LIMIT, JSON_BODY_LIMIT } from './body-limits.ts';

/** Form fields by name, every value kept in order (checkbox groups repeat a name). */
export type FormFields = Map<string, string[]>;

/** Errors by field name: i18n keys under `form.` (`emailInvalid`), shown by Field.astro. */
export type FieldErrors = Record<string, string>;

const contentType = (request: Request) => request.headers.get('content-type') ?? '';

/** True when the request says its body is JSON. */
export function isJsonRequest(request: Request): boolean {
	return contentType(request).startsWith('application/json');
}

/**
 * The body's bytes; `'too-large'` past `maxBytes` (declared or read); null when the body breaks off
 * (the client went away, or scripts/serve.ts cut it at its limit).
 */
async function readBytes(
	request: Request,
	maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large' | null> {
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return 'too-large';
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > maxBytes) {
				await reader.cancel().catch(() => {});
				return 'too-large';
			}
			chunks.push(value);
		}
	} catch {
		return null;
	}
	return Buffer.concat(chunks);
}

/**
 * The fields of a form post (urlencoded, or multipart without files), `'too-large'` past
 * `maxBytes`, or null when the body is not a form, breaks off, or is not valid UTF-8.
 */
export async function readFormFields(
	request: Request,
	maxBytes = FORM_BODY_LIMIT,
): Promise<FormFields | 'too-large' | null> {
	const type = contentType(request);
	const urlencoded = type.startsWith('application/x-www-form-urlencoded');
	if (!urlencoded && !type.startsWith('multipart/form-data')) return null;
	const bytes = await readBytes(request, maxBytes);
	if (bytes === null || bytes === 'too-large') return bytes;
	const fields: FormFields = new Map();
	const add = (key: string, value: string) => fields.set(key, [...(fields.get(key) ?? []), value]);
	try {
		if (urlencoded) {
			for (const [key, value] of new URLSearchParams(
				new TextDecoder('utf-8', { fatal: true }).decode(bytes),
			))
				add(key, value);
		} else {
			const data = await new Response(bytes, { headers: { 'content-type': type } }).formData();
			for (const [key, value] of data) if (typeof value === 'string') add(key, value);
		}
	} catch {
		return null;
	}
	return fields;
}

/** The fields of a form post, one value a name (the last), or null when it is not a form. */
export async function readForm(
	request: Request,
	maxBytes = FORM_BODY_LIMIT,
): Promise<Record<string, string> | null> {
	const fields = await readFormFields(request, maxBytes);
	if (fields === null || fields === 'too-large') return null;
	return Object.fromEntries([...fields].map(([key, values]) => [key, values.at(-1)!]));
}

/** The JSON body, or undefined when it is not JSON, not valid, or larger than `maxBytes`. */
export async function readJson(request: Request, maxBytes = JSON_BODY_LIMIT): Promise<unknown> {
	if (!isJsonRequest(request)) return undefined;
	const bytes = await readBytes(request, maxBytes);
	if (bytes === null || bytes === 'too-large') return undefined;
	try {
		return JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		return undefined;
	}
}

/** An endpoint's body, JSON or form fields (see `readJson`, `readForm`); `json` says which. */
export async function readBody(request: Request): Promise<{ json: boolean; value: unknown }> {
	const json = isJsonRequest(request);
	return { json, value: json ? await readJson(request) : await readForm(request) };
}

/**
 * Validates a body. A field's error is its first problem: the schema's message when it names a
 * `form.` string (`z.email('emailInvalid')`), else `invalid`.
 */
export function validate<S extends z.ZodType>(
	schema: S,
	value: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
	const result = schema.safeParse(value);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		if (!(field in errors))
			errors[field] = isMessageKey(`form.${issue.message}`) ? issue.message : 'invalid';
	}
	return { ok: false, errors };
}

/** A refusal: JSON `{ ok: false, error }` for JSON clients, else the message as plain text. */
export function errorResponse(
	status: number,
	message: string,
	options: { json?: boolean; headers?: Record<string, string> } = {},
): Response {
	const { json = true, headers } = options;
	if (json) return Response.json({ ok: false, error: message }, { status, headers });
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
	});
}
