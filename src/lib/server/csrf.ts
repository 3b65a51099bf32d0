/**
 * Cross-site request forgery protection for every state-changing request (forms and JSON alike):
 * the request must carry an `Origin` equal to this site's origin, or, where a browser sends no
 * Origin, `Sec-Fetch-Site: same-origin`. Anything else is refused with 403. Astro's own
 * `security.checkOrigin` stays on as well; it only covers form content types, hence this check.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request may change state (safe method, or same-origin). */
export function verifyRequestOrigin(request: Request, siteOrigin: string): boolean {
	if (SAFE_METHODS.has(request.method)) return true;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin === siteOrigin;
	return request.headers.get('sec-fetch-site') === 'same-origin';
}
