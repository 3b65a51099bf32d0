/**
 * Small HTTP helpers for integration tests: a cookie-keeping client that sends same-origin
 * headers the way a browser does, and form posting.
 */
export class Browser {
	cookies = new Map<string, string>();
	readonly base: string;
	readonly userAgent: string;

	constructor(
		base: string,
		userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
	) {
		this.base = base;
		this.userAgent = userAgent;
	}

	get cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async request(
		path: string,
		init: RequestInit & { origin?: string | null } = {},
	): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('user-agent', this.userAgent);
		if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader);
		const method = (init.method ?? 'GET').toUpperCase();
		if (method !== 'GET' && method !== 'HEAD' && init.origin !== null)
			headers.set('origin', init.origin ?? this.base);
		const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
		for (const cookie of res.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const [name, ...rest] = pair!.split('=');
			const value = rest.join('=');
			if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name!.trim());
			else this.cookies.set(name!.trim(), value);
		}
		return res;
	}

	get(path: string, init: RequestInit = {}) {
		return this.request(path, init);
	}

	postForm(
		path: string,
		fields: Record<string, string>,
		init: RequestInit & { origin?: string | null } = {},
	) {
		return this.request(path, {
			...init,
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				...(init.headers as Record<string, string>),
			},
		});
	}

	postJson(path: string, body: unknown, init: RequestInit & { origin?: string | null } = {}) {
		return this.request(path, {
			...init,
			method: 'POST',
			body: JSON.stringify(body),
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				...(init.headers as Record<string, string>),
			},
		});
	}
}
