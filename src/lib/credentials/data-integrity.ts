/**
 * W3C Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (VC Data Integrity EdDSA
 * Cryptosuites v1.0, §3.2): the form of a credential that JSON-LD wallets and verifiers such as the
 * Digital Credentials Consortium's verifier-core accept.
 *
 * Algorithm (create and verify are mirror images):
 * 1. proof configuration = the proof's options without `proofValue`, with the document's `@context`;
 * 2. both it and the document without `proof` are canonicalized with RDFC-1.0 to N-Quads, in safe
 *    mode (a term no context defines is an error, not silently dropped);
 * 3. hashData = SHA-256(canonical proof configuration) ‖ SHA-256(canonical document);
 * 4. proofValue = multibase base58btc (`z…`) of the Ed25519 signature of hashData.
 * Contexts come only from the bundled loader, so signing and verifying never use the network.
 * @see https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022
 */
import jsonld from 'jsonld';
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { loadBundledDocument } from './document-loader.ts';
import { decodeBase58, encodeBase58 } from './multibase.ts';

/** The options of a proof, as they appear in the signed document (without `proofValue`). */
export interface ProofOptions {
	type: 'DataIntegrityProof';
	cryptosuite: 'eddsa-rdfc-2022';
	created: string;
	verificationMethod: string;
	proofPurpose: 'assertionMethod';
}

type JsonLdDocument = { '@context': unknown } & Record<string, unknown>;

const canonize = (doc: object) =>
	jsonld.canonize(doc, {
		algorithm: 'RDFC-1.0',
		format: 'application/n-quads',
		documentLoader: loadBundledDocument,
		safe: true,
	});

async function hashData(document: JsonLdDocument, options: ProofOptions): Promise<Buffer> {
	const { proof: _ignored, ...unsecured } = document;
	const [config, doc] = await Promise.all([
		canonize({ ...options, '@context': document['@context'] }),
		canonize(unsecured),
	]);
	const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return Buffer.concat([sha(config), sha(doc)]);
}

/** Signs a JSON-LD document: returns a copy with an `eddsa-rdfc-2022` `proof`. */
export async function addDataIntegrityProof<T extends JsonLdDocument>(
	document: T,
	privateKey: KeyObject,
	verificationMethod: string,
	created: Date,
): Promise<T & { proof: ProofOptions & { proofValue: string } }> {
	const options: ProofOptions = {
		type: 'DataIntegrityProof',
		cryptosuite: 'eddsa-rdfc-2022',
		created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		verificationMethod,
		proofPurpose: 'assertionMethod',
	};
	const signature = sign(null, await hashData(document, options), privateKey);
	return { ...document, proof: { ...options, proofValue: `z${encodeBase58(signature)}` } };
}

/**
 * Whether a document's `eddsa-rdfc-2022` proof is valid for `publicKey`. False (never a throw) for
 * a missing or malformed proof, an undefined term, or a signature that does not match.
 */
export async function verifyDataIntegrityProof(
	document: JsonLdDocument,
	publicKey: KeyObject,
): Promise<boolean> {
	const proof = document.proof as (ProofOptions & { proofValue?: unknown }) | undefined;
	if (!proof || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022')
		return false;
	if (typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return false;
	try {
		const { proofValue, ...options } = proof;
		const signature = decodeBase58(proofValue.slice(1));
		return verify(null, await hashData(document, options), publicKey, signature);
	} catch {
		return false;
	}
}
