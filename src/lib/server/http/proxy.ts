/**
 * What a reverse proxy tells us, and how far to believe it. Free of Astro imports, so the server
 * wrapper (scripts/serve.ts), the middleware and unit tests share one implementation.
 *
 * - The public origin (what browsers put in `Origin`) is `SITE_URL`'s origin. Only when
 *   `TRUST_PROXY=true` may `X-Forwarded-Proto` and `X-Forwarded-Host` name another one: a proxy
 *   that serves several names sets them, and nothing else should be able to.
 * - The client address, behind `TRUSTED_PROXIES` proxies, is the right-most `X-Forwarded-For` hop
 *   that none of them added: each proxy appends the address it saw, so the entries on the right are
 *   written by our proxies and the ones on the left by whoever sent the request (and may be forged).
 */
import { isIP } from 'node:net';

/** Reads a request header (a `Headers` or a node `IncomingHttpHeaders`-like getter). */
export type HeaderGetter = (name: string) => string | null | undefined;

/** The last value of a comma-separated header, trimmed, or undefined. */
function getLastValue(value: string | null | undefined): string | undefined {
	const last = value?.split(',').at(-1)?.trim();
	return last ? last : undefined;
}

/** True for a bare host (name or IP) with an optional port: no user info, path or odd bytes. */
function isHostValue(host: string): boolean {
	if (!/^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host)) return false;
	return URL.canParse(`https://${host}`) && new URL(`https://${host}`).host !== '';
}

/**
 * The site's public origin for this request.
 * @example getPublicOrigin(() => null, 'https://learn.example.org/', false) // 'https://learn.example.org'
 */
export function getPublicOrigin(
	header: HeaderGetter,
	siteUrl: string,
	trustProxy: boolean,
): string {
	if (trustProxy) {
		const proto = getLastValue(header('x-forwarded-proto'))?.toLowerCase();
		const host = getLastValue(header('x-forwarded-host'));
		if ((proto === 'http' || proto === 'https') && host && isHostValue(host))
			return new URL(`${proto}://${host}`).origin;
	}
	return new URL(siteUrl).origin;
}

/**
 * The client's address. Without a trusted proxy it is the socket's peer. With `trustedProxies`
 * (≥ 1) proxies in front, the chain of addresses is the socket's peer followed by the
 * `X-Forwarded-For` entries from right to left; the client is the entry `trustedProxies` steps
 * along it (or the left-most entry when the chain is shorter, i.e. the request came in closer).
 * @example getForwardedClientAddress('6.6.6.6, 203.0.113.7', '127.0.0.1', 1) // '203.0.113.7'
 */
export function getForwardedClientAddress(
	forwardedFor: string | null | undefined,
	socketAddress: string,
	trustedProxies: number,
): string {
	if (trustedProxies < 1 || !forwardedFor) return socketAddress;
	const hops = forwardedFor
		.split(',')
		.map((hop) => hop.trim())
		.filter((hop) => hop !== '');
	if (hops.length === 0) return socketAddress;
	const hop = hops[Math.max(0, hops.length - trustedProxies)]!;
	return isIP(hop) ? hop : socketAddress;
}

/** Parses `TRUSTED_PROXIES` (a count, 1 by default). */
export function parseTrustedProxies(value: string | undefined): number {
	const n = Number(value ?? '1');
	return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}
