/**
 * The JSON-LD document loader for signing and verifying credentials: it serves the bundled VC 2.0
 * and Open Badges 3.0 contexts (see contexts/README.md) and refuses every other URL, so
 * canonicalization never touches the network and a document cannot pull in a context we did not
 * review. Shared by the server (signing) and the tests (an independent verifier's loader).
 */
import credentialsV2 from './contexts/credentials-v2.json' with { type: 'json' };
import openBadgesV3 from './contexts/ob-v3p0-context-3.0.3.json' with { type: 'json' };

/** The W3C Verifiable Credentials Data Model 2.0 context. */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** 1EdTech's Open Badges 3.0 context (the version this server signs with). */
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** Context URL → bundled document. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
	[VC_CONTEXT, credentialsV2],
	[OB_CONTEXT, openBadgesV3],
]);

/** Loads a bundled context; throws for any other URL (no network, ever). */
export async function loadBundledDocument(url: string) {
	const document = BUNDLED_CONTEXTS.get(url);
	if (!document) throw new Error(`JSON-LD document ${url} is not bundled; refusing to fetch it.`);
	return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
}
