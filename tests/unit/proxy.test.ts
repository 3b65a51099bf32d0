import { describe, expect, it } from 'vitest';
import {
	getForwardedClientAddress,
	getPublicOrigin,
	parseTrustedProxies,
} from '../../src/lib/server/http/proxy.ts';

const headers = (values: Record<string, string | undefined>) => (name: string) =>
	values[name] ?? null;

describe('getPublicOrigin', () => {
	it('is SITE_URL’s origin when the proxy is not trusted, whatever the forwarded headers say', () => {
		const get = headers({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });
		expect(getPublicOrigin(get, 'https://learn.example.org/', false)).toBe(
			'https://learn.example.org',
		);
		expect(getPublicOrigin(get, 'http://localhost:4321', false)).toBe('http://localhost:4321');
	});

	it('takes X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy, port included', () => {
		const get = headers({
			'x-forwarded-proto': 'https',
			'x-forwarded-host': 'learn.example.org:8443',
		});
		expect(getPublicOrigin(get, 'http://localhost:4321', true)).toBe(
			'https://learn.example.org:8443',
		);
	});

	it('falls back to SITE_URL when a trusted proxy sends only one header or nonsense', () => {
		for (const values of [
			{ 'x-forwarded-proto': 'https' },
			{ 'x-forwarded-host': 'learn.example.org' },
			{ 'x-forwarded-proto': 'gopher', 'x-forwarded-host': 'learn.example.org' },
			{ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example/path' },
			{ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'user@evil.example' },
		]) {
			expect(getPublicOrigin(headers(values), 'https://learn.example.org', true)).toBe(
				'https://learn.example.org',
			);
		}
	});
});

describe('getForwardedClientAddress', () => {
	it('ignores X-Forwarded-For without a trusted proxy', () => {
		expect(getForwardedClientAddress('1.2.3.4', '10.0.0.9', 0)).toBe('10.0.0.9');
	});

	it('takes the hop the one trusted proxy appended, not the one the client wrote', () => {
		expect(getForwardedClientAddress('6.6.6.6', '127.0.0.1', 1)).toBe('6.6.6.6');
		expect(getForwardedClientAddress('1.1.1.1, 203.0.113.7', '127.0.0.1', 1)).toBe('203.0.113.7');
		expect(getForwardedClientAddress('1.1.1.1,2.2.2.2 , 203.0.113.7', '127.0.0.1', 1)).toBe(
			'203.0.113.7',
		);
	});

	it('gives a client who rotates the header the same address every time', () => {
		const seen = new Set(
			Array.from({ length: 20 }, (_, i) =>
				getForwardedClientAddress(`10.9.8.${i}, 198.51.100.4`, '127.0.0.1', 1),
			),
		);
		expect([...seen]).toEqual(['198.51.100.4']);
	});

	it('skips the hops of every trusted proxy in a chain', () => {
		// client → CDN (adds client) → nginx (adds CDN) → app
		expect(getForwardedClientAddress('9.9.9.9, 198.51.100.4, 192.0.2.10', '127.0.0.1', 2)).toBe(
			'198.51.100.4',
		);
		expect(getForwardedClientAddress('198.51.100.4', '127.0.0.1', 2)).toBe('198.51.100.4');
	});

	it('uses the socket address when the header is missing, empty or not an address', () => {
		expect(getForwardedClientAddress(null, '127.0.0.1', 1)).toBe('127.0.0.1');
		expect(getForwardedClientAddress(' , ', '127.0.0.1', 1)).toBe('127.0.0.1');
		expect(getForwardedClientAddress('not-an-ip', '127.0.0.1', 1)).toBe('127.0.0.1');
		expect(getForwardedClientAddress('2001:db8::1', '127.0.0.1', 1)).toBe('2001:db8::1');
	});
});

describe('parseTrustedProxies', () => {
	it('reads a small count and defaults to one', () => {
		expect(parseTrustedProxies(undefined)).toBe(1);
		expect(parseTrustedProxies('2')).toBe(2);
		expect(parseTrustedProxies('0')).toBe(1);
		expect(parseTrustedProxies('x')).toBe(1);
	});
});
