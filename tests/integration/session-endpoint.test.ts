/** GET /api/session: who is signed in, never cached (the quiz bench's reference endpoint). */
import { describe, expect, inject, it } from 'vitest';
import { signUp } from '../helpers/accounts.ts';

const base = inject('baseUrl');

describe('GET /api/session', () => {
	it('names the signed-in learner and is never stored by a cache', async () => {
		const { browser } = await signUp(base, { name: 'Farzana Akter' });
		const res = await browser.get('/api/session');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(await res.json()).toEqual({ ok: true, signedIn: true, name: 'Farzana Akter' });
	});

	it('says signed out without a session, or with one that is not valid', async () => {
		for (const cookie of [undefined, `session=${'a'.repeat(24)}.${'b'.repeat(24)}`]) {
			const res = await fetch(`${base}/api/session`, { headers: cookie ? { cookie } : {} });
			expect(res.status).toBe(200);
			expect(res.headers.get('cache-control')).toBe('private, no-store');
			expect(await res.json()).toEqual({ ok: true, signedIn: false, name: null });
		}
	});
});
