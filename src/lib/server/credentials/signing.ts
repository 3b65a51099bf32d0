/**
 * Signing credentials with the platform key, in the two forms verifiers take:
 *
 * - **VC-JWT, as Open Badges 3.0 §8 specifies** (`/verify/<id>.jwt`): a compact JWS whose payload
 *   is the credential plus the registered claims `iss` (issuer id), `jti` (credential id), `nbf`
 *   (validFrom) and `sub` (= `credentialSubject.id`), with the protected header
 *   `{ alg: EdDSA, typ: JWT, kid }` and NO `cty`. Decision: VC-JOSE-COSE would say
 *   `typ: vc+jwt, cty: vc`, but OB 3.0 says `typ: JWT` and badge validators and wallets check OB 3.0,
 *   so we follow OB 3.0. The response media type stays `application/vc+jwt`.
 * - **Data Integrity** (`/verify/<id>.json`): the JSON-LD credential with an `eddsa-rdfc-2022`
 *   proof, canonicalized with the bundled VC 2.0 and OB 3.0 contexts only (no network).
 *
 * `kid` / `verificationMethod` name methods of the did:web document, which keeps every earlier key
 * (see signing-key.ts), so a key rotation does not break credentials already issued.
 */
import { SITE_URL } from 'astro:env/server';
import { sign } from 'node:crypto';
import { getDidWeb } from '../../certificates/links.ts';
import { buildDidDocument, buildOpenBadgeCredential } from '../../credentials/model.ts';
import { addDataIntegrityProof } from '../../credentials/data-integrity.ts';
import type { Certificate } from '../certificates/records.ts';
import { getCredentialEvidencePage } from './evidence-page.ts';
import { getCredentialSubjectId } from './subject.ts';
import { getPublishedKeys, getSigningKey } from './signing-key.ts';

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A credential as far as signing needs to know it. */
interface SignableCredential {
	id: string;
	issuer: string | { id: string };
	validFrom: string;
	credentialSubject: { id?: string };
}

/** Signs a credential as an OB 3.0 VC-JWT (compact JWS). */
export function signCredentialJwt(credential: SignableCredential): string {
	const key = getSigningKey();
	const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
	const header = { alg: 'EdDSA', typ: 'JWT', kid: `${getDidWeb(SITE_URL)}#${key.thumbprint}` };
	const payload = {
		...credential,
		iss: issuer,
		jti: credential.id,
		...(credential.credentialSubject.id ? { sub: credential.credentialSubject.id } : {}),
		nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
	};
	const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
	return `${input}.${b64(sign(null, Buffer.from(input), key.privateKey))}`;
}

/** Signs a JSON-LD credential with an `eddsa-rdfc-2022` Data Integrity proof. */
export async function signCredentialDataIntegrity<T extends { '@context': unknown }>(
	credential: T,
	created = new Date(),
) {
	const key = getSigningKey();
	return addDataIntegrityProof(
		credential as T & Record<string, unknown>,
		key.privateKey,
		`${getDidWeb(SITE_URL)}#${key.multikey}`,
		created,
	);
}

/** The unsigned OpenBadgeCredential of a certificate (creating the learner's subject id if needed). */
export async function getCertificateCredential(cert: Certificate) {
	return buildOpenBadgeCredential(
		{
			...cert,
			subjectId: await getCredentialSubjectId(cert.userId),
			evidencePage: getCredentialEvidencePage(cert),
		},
		SITE_URL,
	);
}

/** The certificate as an OB 3.0 VC-JWT. */
export async function getCertificateJwt(cert: Certificate): Promise<string> {
	return signCredentialJwt(await getCertificateCredential(cert));
}

const signedCache = new Map<string, Promise<object>>();

/**
 * The certificate as a Data Integrity credential (JSON-LD with an `eddsa-rdfc-2022` proof). The
 * credential never changes after issue (status lives in the lists) and the proof is deterministic,
 * so signed documents are kept in a small LRU per certificate and key: canonicalization costs
 * tens of milliseconds, and a shared link is fetched by many verifiers.
 */
export async function getCertificateDataIntegrity(cert: Certificate): Promise<object> {
	// The evidence links change with the learner's choice, so the choice is part of the key.
	const key = `${cert.id}|${getSigningKey().thumbprint}|${getCredentialEvidencePage(cert) ? 'e' : ''}`;
	let signed = signedCache.get(key);
	if (signed) signedCache.delete(key);
	else {
		signed = getCertificateCredential(cert).then((c) =>
			signCredentialDataIntegrity(c, cert.issuedAt),
		);
		signed.catch(() => signedCache.delete(key));
	}
	signedCache.set(key, signed);
	if (signedCache.size > 200) signedCache.delete(signedCache.keys().next().value!);
	return signed;
}

/** The issuer's did:web document (current key and every retired one). */
export function getDidDocument() {
	return buildDidDocument(SITE_URL, getPublishedKeys());
}
