/**
 * Pure helpers about certificates that pages, endpoints and tests share: id syntax, addresses,
 * the issuer's did:web identifier, the LinkedIn "add to profile" link and download file names.
 * No server imports, so unit tests and components can use them.
 */

/** Public certificate ids: 160 random bits in lowercase RFC 4648 base32, 32 characters. */
export const CERTIFICATE_ID_PATTERN = /^[a-z2-7]{32}$/;

/** True when `value` has the shape of a certificate id (it may still not exist). */
export function isCertificateId(value: unknown): value is string {
	return typeof value === 'string' && CERTIFICATE_ID_PATTERN.test(value);
}

/** The issuer's name on certificates and credentials. */
export const ISSUER_NAME = 'Dakshata';

/**
 * The did:web identifier of a site (host only; a port is percent-encoded as the did:web method
 * requires). Its DID document is served at `/.well-known/did.json`.
 * @example getDidWeb('https://learn.example.org') // 'did:web:learn.example.org'
 * @example getDidWeb('http://127.0.0.1:4321') // 'did:web:127.0.0.1%3A4321'
 */
export function getDidWeb(siteUrl: string): string {
	const url = new URL(siteUrl);
	return `did:web:${url.hostname}${url.port ? `%3A${url.port}` : ''}`;
}

/** Absolute address of a certificate's verify page (English, the address printed in the QR code). */
export function getVerifyUrl(siteUrl: string, id: string): string {
	return new URL(`/verify/${id}`, siteUrl).href;
}

/** The issuer line stored with each certificate, e.g. `Dakshata (https://learn.example.org)`. */
export function getIssuerLabel(siteUrl: string): string {
	return `${ISSUER_NAME} (${new URL(siteUrl).origin})`;
}

/**
 * LinkedIn's public "add a certification to your profile" link, with the fields filled in: the
 * organisation by `organizationId` when LINKEDIN_ORGANIZATION_ID is set, else by name.
 * @see https://addtoprofile.linkedin.com/
 */
export function getLinkedInUrl(
	siteUrl: string,
	cert: { id: string; courseTitle: string; issuedAt: Date },
	organizationId?: string,
): string {
	const params = new URLSearchParams({
		startTask: 'CERTIFICATION_NAME',
		name: cert.courseTitle,
		// LinkedIn links the certification to the company page when it has the id (preferred).
		...(organizationId ? { organizationId } : { organizationName: ISSUER_NAME }),
		issueYear: String(cert.issuedAt.getUTCFullYear()),
		issueMonth: String(cert.issuedAt.getUTCMonth() + 1),
		certUrl: getVerifyUrl(siteUrl, cert.id),
		certId: cert.id,
	});
	return `https://www.linkedin.com/profile/add?${params}`;
}

/** Folds a string to lowercase ASCII words joined by hyphens (accents dropped, other scripts removed). */
export function toAsciiSlug(value: string): string {
	return value
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

/**
 * A `Content-Disposition` header for a certificate download: an ASCII file name for old clients
 * and the full UTF-8 name (any script) in `filename*` (RFC 6266 / RFC 8187).
 * @example getDownloadDisposition('excel', 'Zoë Khan', 'abc…', 'pdf')
 * // inline; filename="dakshata-certificate-excel-zoe-khan.pdf"; filename*=UTF-8''dakshata-certificate-excel-zo%C3%AB-khan.pdf
 */
export function getDownloadDisposition(
	courseSlug: string,
	learnerName: string,
	id: string,
	ext: 'pdf' | 'json' | 'jwt',
): string {
	const kind = ext === 'pdf' ? 'certificate' : 'credential';
	const asciiName = toAsciiSlug(learnerName) || id.slice(0, 8);
	const ascii = `dakshata-${kind}-${courseSlug}-${asciiName}.${ext}`;
	const unicodeName = learnerName
		.normalize('NFC')
		.toLowerCase()
		.replace(/[\s/\\:*?"<>|\p{C}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	const full = `dakshata-${kind}-${courseSlug}-${unicodeName || asciiName}.${ext}`;
	const encoded = encodeURIComponent(full).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
