import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
	errorResponse,
	readBody,
	readForm,
	readFormFields,
	readJson,
	validate,
} from '../../src/lib/server/http/body.ts';
import { EmailSchema } from '../../src/lib/user-input.ts';

const post = (body: BodyInit, type: string) =>
	new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': type } });
const form = (body: string) => post(body, 'application/x-www-form-urlencoded');

describe('reading form posts', () => {
	it('keeps every value of a repeated name, in order', async () => {
		const fields = await readFormFields(form('pick=2&pick=0&name=Asha'));
		expect(fields).toEqual(
			new Map([
				['pick', ['2', '0']],
				['name', ['Asha']],
			]),
		);
	});

	it('gives one value a name (the last) to pages that want a record', async () => {
		expect(await readForm(form('intent=name&name=Rina&name=Rina%20Das'))).toEqual({
			intent: 'name',
			name: 'Rina Das',
		});
	});

	it('reads multipart forms too', async () => {
		const data = new FormData();
		data.set('course', 'excel');
		expect(
			await readForm(new Request('http://localhost/x', { method: 'POST', body: data })),
		).toEqual({ course: 'excel' });
	});

	it('refuses a body over the limit, and what is not a form', async () => {
		expect(await readFormFields(form(`text=${'a'.repeat(2000)}`), 1000)).toBe('too-large');
		expect(await readForm(post('{"a":1}', 'application/json'))).toBeNull();
		expect(
			await readFormFields(
				post(new Uint8Array([0x61, 0x3d, 0xff]), 'application/x-www-form-urlencoded'),
			),
		).toBeNull();
	});
});

describe('reading JSON', () => {
	it('parses JSON bodies and gives undefined for broken or oversized ones', async () => {
		expect(await readJson(post('{"course":"excel"}', 'application/json'))).toEqual({
			course: 'excel',
		});
		expect(await readJson(post('{"course":', 'application/json'))).toBeUndefined();
		expect(
			await readJson(post(JSON.stringify({ a: 'x'.repeat(2000) }), 'application/json'), 1000),
		).toBeUndefined();
	});

	it('says which kind of body an endpoint got', async () => {
		expect(await readBody(post('{"a":1}', 'application/json'))).toEqual({
			json: true,
			value: { a: 1 },
		});
		expect(await readBody(form('a=1'))).toEqual({ json: false, value: { a: '1' } });
	});
});

describe('validate', () => {
	const schema = z.object({ email: EmailSchema, token: z.string().min(5) });

	it('returns the parsed data', () => {
		expect(validate(schema, { email: ' Asha@Example.org ', token: 'abcdef' })).toEqual({
			ok: true,
			data: { email: 'asha@example.org', token: 'abcdef' },
		});
	});

	it('names each field’s first problem by its form string, or invalid when the schema has none', () => {
		expect(validate(schema, { email: 'asha', token: 'ab' })).toEqual({
			ok: false,
			errors: { email: 'emailInvalid', token: 'invalid' },
		});
	});
});

describe('errorResponse', () => {
	it('answers JSON clients with { ok: false, error } and forms with plain text', async () => {
		const json = errorResponse(409, 'Already submitted', { headers: { 'retry-after': '5' } });
		expect(json.status).toBe(409);
		expect(json.headers.get('retry-after')).toBe('5');
		expect(await json.json()).toEqual({ ok: false, error: 'Already submitted' });
		const text = errorResponse(400, 'Bad request', { json: false });
		expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await text.text()).toBe('Bad request');
	});
});
