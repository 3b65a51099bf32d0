/**
 * The client's address for rate limits: the socket address, or the first X-Forwarded-For hop when
 * TRUST_PROXY is true (behind a reverse proxy that sets it).
 */
import { TRUST_PROXY } from 'astro:env/server';

export function getClientAddress(request: Request, socketAddress: () => string): string {
	if (TRUST_PROXY === 'true') {
		const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
		if (forwarded) return forwarded;
	}
	try {
		return socketAddress();
	} catch {
		return 'unknown';
	}
}
