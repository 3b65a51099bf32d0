/**
 * The client's address for rate limits: the socket address, or, when TRUST_PROXY is true, the
 * right-most X-Forwarded-For hop not added by one of our TRUSTED_PROXIES (see http/proxy.ts).
 */
import { TRUST_PROXY, TRUSTED_PROXIES } from 'astro:env/server';
import { getForwardedClientAddress, parseTrustedProxies } from './proxy.ts';

export function getClientAddress(request: Request, socketAddress: () => string): string {
	let peer: string;
	try {
		peer = socketAddress();
	} catch {
		peer = 'unknown';
	}
	if (TRUST_PROXY !== 'true') return peer;
	return getForwardedClientAddress(
		request.headers.get('x-forwarded-for'),
		peer,
		parseTrustedProxies(TRUSTED_PROXIES),
	);
}
