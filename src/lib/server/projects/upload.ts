/**
 * Reading an upload form (multipart/form-data) with a hard size cap: a declared Content-Length over
 * the cap is refused before a byte of the body is read, and a body without one is read only up to
 * the cap. Only then is the form parsed.
 */
import type { UploadRefusal } from '../../projects/types.ts';

/** Largest accepted file: 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Room for the form's other fields and multipart boundaries. */
const FORM_OVERHEAD = 64 * 1024;

export interface UploadForm {
	fields: Map<string, string>;
	file: { name: string; bytes: Uint8Array } | null;
}

/** The form, or why it was refused (`too-large`, or `no-file` when it is not a multipart form). */
export async function readUploadForm(
	request: Request,
	maxBytes = MAX_UPLOAD_BYTES,
): Promise<{ ok: true; form: UploadForm } | { ok: false; refusal: UploadRefusal }> {
	const type = request.headers.get('content-type') ?? '';
	if (
		!type.startsWith('multipart/form-data') &&
		!type.startsWith('application/x-www-form-urlencoded')
	)
		return { ok: false, refusal: 'no-file' };
	const cap = maxBytes + FORM_OVERHEAD;
	const declared = request.headers.get('content-length');
	if (declared !== null && Number(declared) > cap) return { ok: false, refusal: 'too-large' };
	const body = await readCapped(request, cap);
	if (!body) return { ok: false, refusal: 'too-large' };
	let data: FormData;
	try {
		data = await new Response(body, { headers: { 'content-type': type } }).formData();
	} catch {
		return { ok: false, refusal: 'no-file' };
	}
	const fields = new Map<string, string>();
	let file: UploadForm['file'] = null;
	for (const [key, value] of data) {
		if (typeof value === 'string') fields.set(key, value);
		else if (key === 'file' && value.size > 0) {
			if (value.size > maxBytes) return { ok: false, refusal: 'too-large' };
			file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
		}
	}
	return { ok: true, form: { fields, file } };
}

/** The body's bytes, or null as soon as it passes `cap`. */
async function readCapped(request: Request, cap: number): Promise<Uint8Array<ArrayBuffer> | null> {
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > cap) {
			await reader.cancel().catch(() => {});
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}
