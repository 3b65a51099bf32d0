/**
 * An independent verifier for the certificate credentials, built only from libraries the server
 * does not sign with:
 * - Data Integrity: Digital Bazaar's `@digitalbazaar/vc` with `@digitalbazaar/data-integrity` and
 *   `@digitalbazaar/eddsa-rdfc-2022-cryptosuite` (the stack behind the DCC's verifier-core), keys
 *   read by `@digitalbazaar/ed25519-multikey`;
 * - VC-JWT: `jose`, with the key taken from the did:web document by `kid`.
 * Status is checked per Bitstring Status List: each list credential is itself verified, then the
 * bit at `statusListIndex` is read. The document loader serves the bundled contexts, the issuer's
 * DID document (fetched once from the server under test, as a did:web resolver would) and the
 * status lists; nothing else.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { gunzipSync } from 'node:zlib';
import { BUNDLED_CONTEXTS } from '../../src/lib/credentials/document-loader.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed credential JSON, checked by the assertions
export type Json = Record<string, any>;

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** Everything the verifier may load, by URL. */
export interface VerifierWorld {
	didDocument: Json;
	/** Status list URL → its Data Integrity credential. */
	statusLists?: Map<string, Json>;
}

function createLoader(world: VerifierWorld) {
	return async (url: string) => {
		const context = BUNDLED_CONTEXTS.get(url);
		if (context) return { contextUrl: null, documentUrl: url, document: structuredClone(context) };
		if (
			url === MULTIKEY_CONTEXT ||
			url.startsWith('https://www.w3.org/ns/did/') ||
			url.startsWith('https://w3id.org/security/suites/jws-2020')
		)
			return { contextUrl: null, documentUrl: url, document: { '@context': { '@version': 1.1 } } };
		const [base] = url.split('#');
		if (base === world.didDocument.id) {
			if (!url.includes('#'))
				return { contextUrl: null, documentUrl: url, document: world.didDocument };
			const method = world.didDocument.verificationMethod.find((m: Json) => m.id === url);
			if (!method) throw new Error(`no verification method ${url}`);
			return {
				contextUrl: null,
				documentUrl: url,
				document: { '@context': MULTIKEY_CONTEXT, ...method },
			};
		}
		const list = world.statusLists?.get(url);
		if (list) return { contextUrl: null, documentUrl: url, document: list };
		throw new Error(`the verifier refuses to load ${url}`);
	};
}

function readBit(encodedList: string, index: number): boolean {
	const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
	return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** Result of verifying a Data Integrity credential: signature and its status entries (by purpose). */
export interface DataIntegrityVerdict {
	verified: boolean;
	signature: boolean;
	status: Record<string, boolean>;
	error?: string;
}

/** Verifies a Data Integrity credential (signature, then status) with Digital Bazaar's libraries. */
export async function verifyDataIntegrityCredential(
	credential: Json,
	world: VerifierWorld,
): Promise<DataIntegrityVerdict> {
	const documentLoader = createLoader(world);
	const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
	const status: Record<string, boolean> = {};
	const checkStatus = async ({ credential: c }: { credential: Json }) => {
		const entries = [c.credentialStatus].flat().filter(Boolean);
		for (const entry of entries) {
			const list = (await documentLoader(entry.statusListCredential)).document as Json;
			const listResult = await vc.verifyCredential({ credential: list, suite, documentLoader });
			if (!listResult.verified)
				return { verified: false, error: new Error('status list signature') };
			if (list.credentialSubject.statusPurpose !== entry.statusPurpose)
				return { verified: false, error: new Error('status purpose mismatch') };
			status[entry.statusPurpose] = readBit(
				list.credentialSubject.encodedList,
				Number(entry.statusListIndex),
			);
		}
		return { verified: Object.values(status).every((set) => !set) };
	};
	const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus });
	const signature = result.results?.[0]?.verified === true;
	return {
		verified: result.verified === true,
		signature,
		status,
		error: result.error
			? String(result.error.errors?.[0]?.message ?? result.error.message ?? result.error)
			: undefined,
	};
}

/** Verifies an OB 3.0 VC-JWT with jose against the did:web document; returns header and payload. */
export async function verifyJwtCredential(jwt: string, didDocument: Json) {
	const header = decodeProtectedHeader(jwt);
	const method = didDocument.verificationMethod.find((m: Json) => m.id === header.kid);
	if (!method?.publicKeyJwk) throw new Error(`kid ${header.kid} is not in the DID document`);
	if (!didDocument.assertionMethod.includes(method.id)) throw new Error('not an assertion method');
	const { payload } = await compactVerify(jwt, await importJWK(method.publicKeyJwk, 'EdDSA'));
	return { header, payload: JSON.parse(new TextDecoder().decode(payload)) as Json };
}

export { Ed25519Multikey };
