/**
 * The JSON shapes of the signed documents, as pure functions (the server signs them):
 * - a certificate as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC Data Model 2.0);
 * - a status list (revocation or suspension) as a `BitstringStatusListCredential`;
 * - the issuer's did:web document, listing the current key and every earlier one.
 * Only facts recorded at issue time go into a credential, so it reads the same on every request.
 *
 * Subject id: `credentialSubject.id` (and the VC-JWT `sub` claim, which OB 3.0 §8 requires to equal
 * it) is the learner's `urn:uuid:` from the `credential_subject` table: random, stable across all
 * of a learner's certificates, and never their e-mail address, so a credential shared publicly does
 * not leak a contact address and does not change when the learner changes it. The printed name
 * stays in `identifier` (an unhashed IdentityObject), as before.
 *
 * Status: OB 3.0 allows ONE `credentialStatus` (1EdTech's JSON Schema types it as a single object,
 * so an array fails badge validators), while the Bitstring Status List spec wants suspension in a
 * list of its own. Decision: the credential's entry is the REVOCATION list (final: revoked or
 * superseded); the SUSPENSION list is published beside it at the same position
 * (`buildStatusEntry(…, 'suspension')`) and read by the verify page and its in-browser check. A
 * generic verifier therefore sees a suspended certificate as not revoked; the verify page and
 * the PDF say it is suspended.
 */
import { getDidWeb, getVerifyUrl, ISSUER_NAME } from '../certificates/links.ts';
import { OB_CONTEXT, VC_CONTEXT } from './document-loader.ts';
import { mapEvidence, type StoredEvidenceItem } from './evidence.ts';
import { getStatusListPosition } from './status-list.ts';

export { OB_CONTEXT, VC_CONTEXT };
/**
 * 1EdTech's JSON Schema for OB 3.0 credentials. Not named in `credentialSchema`: its type
 * `1EdTechJsonSchemaValidator2019` is defined by no JSON-LD context (not even OB 3.0.3's), so a
 * Data Integrity proof in safe mode cannot cover it; the credential still validates against it.
 */
export const OB_SCHEMA =
	'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** What a status list records: final revocation, or a reversible hold. */
export type StatusPurpose = 'revocation' | 'suspension';

/** The certificate fields a credential states. */
export interface CredentialFacts {
	id: string;
	courseSlug: string;
	courseTitle: string;
	courseVersion: string;
	learnerName: string;
	/** The learner's stable `urn:uuid:` subject id (never the e-mail). */
	subjectId: string;
	hours: number;
	skills: string[];
	issuedAt: Date;
	statusIndex: number;
	/** Graded projects and labs recorded at issue time (empty or absent: none). */
	evidence?: StoredEvidenceItem[] | null;
	/** The public evidence page, when the learner has opted in (each item then links to it). */
	evidencePage?: string | null;
}

/** Absolute URL of status list number `list` for a purpose. */
export function getStatusListUrl(
	siteUrl: string,
	list: number,
	purpose: StatusPurpose = 'revocation',
): string {
	const folder = purpose === 'revocation' ? 'status' : 'suspension';
	return new URL(`/credentials/${folder}/${list}`, siteUrl).href;
}

function issuerProfile(siteUrl: string) {
	return {
		id: getDidWeb(siteUrl),
		type: ['Profile'],
		name: ISSUER_NAME,
		url: new URL('/', siteUrl).href,
	};
}

const formatHours = (hours: number) => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;

/** A `BitstringStatusListEntry` for a certificate's status index in the list of `purpose`. */
export function buildStatusEntry(siteUrl: string, statusIndex: number, purpose: StatusPurpose) {
	const { list, position } = getStatusListPosition(statusIndex);
	const statusList = getStatusListUrl(siteUrl, list, purpose);
	return {
		id: `${statusList}#${position}`,
		type: 'BitstringStatusListEntry',
		statusPurpose: purpose,
		statusListIndex: String(position),
		statusListCredential: statusList,
	};
}

/** The unsigned OpenBadgeCredential for a certificate. */
export function buildOpenBadgeCredential(cert: CredentialFacts, siteUrl: string) {
	const courseUrl = new URL(`/courses/${cert.courseSlug}`, siteUrl).href;
	const issuer = issuerProfile(siteUrl);
	const evidence = mapEvidence(cert.evidence ?? [], cert.evidencePage);
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: getVerifyUrl(siteUrl, cert.id),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: `Certificate of completion: ${cert.courseTitle}`,
		description: `${cert.learnerName} completed the ${ISSUER_NAME} course “${cert.courseTitle}” (version ${cert.courseVersion}, ${formatHours(cert.hours)} of study).`,
		issuer,
		validFrom: cert.issuedAt.toISOString(),
		awardedDate: cert.issuedAt.toISOString(),
		credentialSubject: {
			id: cert.subjectId,
			type: ['AchievementSubject'],
			identifier: [
				{
					type: 'IdentityObject',
					identityHash: cert.learnerName,
					identityType: 'name',
					hashed: false,
				},
			],
			achievement: {
				id: courseUrl,
				type: ['Achievement'],
				achievementType: 'CertificateOfCompletion',
				name: cert.courseTitle,
				description: `The ${ISSUER_NAME} course “${cert.courseTitle}”, version ${cert.courseVersion}: ${formatHours(cert.hours)} of lessons, practice and graded quizzes.`,
				criteria: {
					id: courseUrl,
					narrative:
						'Complete every required lesson and pass every required quiz, graded project, lab and assessment of the course.',
				},
				creator: issuer,
				tag: cert.skills,
				version: cert.courseVersion,
			},
		},
		...(evidence.length > 0 ? { evidence } : {}),
		credentialStatus: buildStatusEntry(siteUrl, cert.statusIndex, 'revocation'),
	};
}

/** How long (ms) a verifier may cache a status list: the spec's `ttl`. */
export const STATUS_LIST_TTL_MS = 300_000;

/** The unsigned BitstringStatusListCredential for one list. */
export function buildStatusListCredential(
	siteUrl: string,
	list: number,
	encodedList: string,
	now: Date,
	purpose: StatusPurpose = 'revocation',
) {
	const id = getStatusListUrl(siteUrl, list, purpose);
	return {
		'@context': [VC_CONTEXT],
		id,
		type: ['VerifiableCredential', 'BitstringStatusListCredential'],
		issuer: getDidWeb(siteUrl),
		validFrom: now.toISOString(),
		credentialSubject: {
			id: `${id}#list`,
			type: 'BitstringStatusList',
			statusPurpose: purpose,
			encodedList,
			ttl: STATUS_LIST_TTL_MS,
		},
	};
}

/** A public key the issuer signs (or signed) with. */
export interface PublishedKey {
	publicJwk: { kty: string; crv: string; x: string };
	/** RFC 7638 thumbprint: the fragment of the JsonWebKey method (VC-JWT `kid`). */
	thumbprint: string;
	/** Multikey `z6Mk…`: the fragment of the Multikey method (Data Integrity `verificationMethod`). */
	multikey: string;
}

/**
 * The did:web document: for each key (current first, then every earlier one, so credentials
 * signed before a rotation still verify) a `JsonWebKey` method `#<thumbprint>` for VC-JWT and a
 * `Multikey` method `#<z6Mk…>` for Data Integrity proofs, all usable for `assertionMethod`.
 */
export function buildDidDocument(siteUrl: string, keys: PublishedKey[]) {
	const did = getDidWeb(siteUrl);
	const methods = keys.flatMap((key) => [
		{
			id: `${did}#${key.thumbprint}`,
			type: 'JsonWebKey',
			controller: did,
			publicKeyJwk: key.publicJwk,
		},
		{
			id: `${did}#${key.multikey}`,
			type: 'Multikey',
			controller: did,
			publicKeyMultibase: key.multikey,
		},
	]);
	return {
		'@context': [
			'https://www.w3.org/ns/did/v1',
			'https://w3id.org/security/multikey/v1',
			'https://w3id.org/security/suites/jws-2020/v1',
		],
		id: did,
		verificationMethod: methods,
		assertionMethod: methods.map((m) => m.id),
	};
}
