/**
 * "Check again" on the verify page, as a pure module the page's script runs in the browser (and
 * the tests run in Node, which has the same Web Crypto and DecompressionStream):
 * 1. download the certificate's VC-JWT;
 * 2. find the key named by its `kid` in the issuer's did:web document (an assertion method);
 * 3. check the Ed25519 signature with Web Crypto;
 * 4. check the credential is this certificate (its id) and was issued by that DID;
 * 5–6. download the revocation and the suspension list (each a VC-JWT, its signature checked the
 *    same way) and read the certificate's bit.
 * Each step is reported as it finishes, so the page can show it. Nothing here trusts the page's
 * HTML: the verdict comes from the signed documents alone.
 */

/** What to check, from the page. */
export interface CheckTargets {
	jwtUrl: string;
	didUrl: string;
	revocationUrl: string;
	suspensionUrl: string;
	/** Position of the certificate in both status lists. */
	index: number;
	/** The credential id the page is about (its verify URL). */
	credentialId: string;
}

export type CheckStep = 'download' | 'key' | 'signature' | 'match' | 'revocation' | 'suspension';

export interface StepReport {
	step: CheckStep;
	ok: boolean;
}

type Json = Record<string, unknown>;

const fromBase64Url = (text: string) =>
	Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

const decodePart = (part: string) =>
	JSON.parse(new TextDecoder().decode(fromBase64Url(part))) as Json;

/** Verifies a compact JWS against the DID document; returns its payload, or null. */
async function verifyJws(jws: string, did: Json): Promise<Json | null> {
	const [header, payload, signature] = jws.trim().split('.');
	if (!header || !payload || !signature) return null;
	const kid = decodePart(header).kid;
	const methods = (did.verificationMethod ?? []) as Array<{
		id: string;
		publicKeyJwk?: JsonWebKey;
	}>;
	const method = methods.find((m) => m.id === kid && m.publicKeyJwk);
	const assertion = (did.assertionMethod ?? []) as string[];
	if (!method || !assertion.includes(method.id)) return null;
	const key = await crypto.subtle.importKey(
		'jwk',
		method.publicKeyJwk!,
		{ name: 'Ed25519' },
		false,
		['verify'],
	);
	const ok = await crypto.subtle.verify(
		{ name: 'Ed25519' },
		key,
		fromBase64Url(signature),
		new TextEncoder().encode(`${header}.${payload}`),
	);
	return ok ? decodePart(payload) : null;
}

/** Reads one bit of a Bitstring Status List `encodedList` (multibase base64url of GZIP). */
export async function readStatusBit(encodedList: string, index: number): Promise<boolean> {
	if (!encodedList.startsWith('u')) throw new Error('encodedList must start with u');
	const stream = new Blob([fromBase64Url(encodedList.slice(1))])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	const bits = new Uint8Array(await new Response(stream).arrayBuffer());
	return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/**
 * Runs every step; stops at the first failure. `valid` is true only when all six pass.
 * Network errors reject (the page says the check could not finish).
 */
export async function checkCertificate(
	targets: CheckTargets,
	onStep: (report: StepReport) => void = () => {},
	fetcher: typeof fetch = fetch,
): Promise<{ valid: boolean; steps: StepReport[] }> {
	const steps: StepReport[] = [];
	const report = (step: CheckStep, ok: boolean) => {
		steps.push({ step, ok });
		onStep({ step, ok });
		return ok;
	};
	const get = async (url: string, accept: string) => {
		const res = await fetcher(url, { headers: { accept }, cache: 'no-store' });
		if (!res.ok) throw new Error(`${url}: ${res.status}`);
		return res.text();
	};
	const jwt = await get(targets.jwtUrl, 'application/vc+jwt');
	if (!report('download', jwt.split('.').length === 3)) return { valid: false, steps };
	const did = JSON.parse(await get(targets.didUrl, 'application/did+json')) as Json;
	const kid = decodePart(jwt.split('.')[0]!).kid;
	const hasKey = ((did.verificationMethod ?? []) as Array<{ id: string }>).some(
		(m) => m.id === kid,
	);
	if (!report('key', hasKey)) return { valid: false, steps };
	const payload = await verifyJws(jwt, did);
	if (!report('signature', payload !== null)) return { valid: false, steps };
	if (!report('match', payload!.id === targets.credentialId && payload!.iss === did.id))
		return { valid: false, steps };
	for (const [step, url] of [
		['revocation', targets.revocationUrl],
		['suspension', targets.suspensionUrl],
	] as const) {
		const list = await verifyJws(await get(url, 'application/vc+jwt'), did);
		const subject = (list?.credentialSubject ?? {}) as Json;
		const clear =
			list !== null &&
			subject.statusPurpose === step &&
			!(await readStatusBit(String(subject.encodedList), targets.index));
		if (!report(step, clear)) return { valid: false, steps };
	}
	return { valid: true, steps };
}
