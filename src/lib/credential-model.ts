/**
 * The JSON shapes of the signed documents, as pure functions (the server signs them):
 * - a certificate as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC Data Model 2.0);
 * - a revocation list as a `BitstringStatusListCredential`;
 * - the issuer's did:web document.
 * Only facts recorded at issue time go into a credential, so it reads the same on every request.
 */
import { getDidWeb, getVerifyUrl, ISSUER_NAME } from './certificate-links.ts';
import { getStatusListPosition } from './status-list.ts';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_SCHEMA =
	'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** The certificate fields a credential states. */
export interface CredentialFacts {
	id: string;
	courseSlug: string;
	courseTitle: string;
	courseVersion: string;
	learnerName: string;
	hours: number;
	skills: string[];
	issuedAt: Date;
	statusIndex: number;
}

/** Absolute URL of status list number `list`. */
export function getStatusListUrl(siteUrl: string, list: number): string {
	return new URL(`/credentials/status/${list}`, siteUrl).href;
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

/** The unsigned OpenBadgeCredential for a certificate. */
export function buildOpenBadgeCredential(cert: CredentialFacts, siteUrl: string) {
	const { list, position } = getStatusListPosition(cert.statusIndex);
	const statusList = getStatusListUrl(siteUrl, list);
	const courseUrl = new URL(`/courses/${cert.courseSlug}`, siteUrl).href;
	const issuer = issuerProfile(siteUrl);
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
						'Complete every required lesson and pass every required quiz and assessment of the course.',
				},
				creator: issuer,
				tag: cert.skills,
				version: cert.courseVersion,
			},
		},
		credentialSchema: [{ id: OB_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
		credentialStatus: {
			id: `${statusList}#${position}`,
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListIndex: String(position),
			statusListCredential: statusList,
		},
	};
}

/** The unsigned BitstringStatusListCredential for one list. */
export function buildStatusListCredential(
	siteUrl: string,
	list: number,
	encodedList: string,
	now: Date,
) {
	const id = getStatusListUrl(siteUrl, list);
	return {
		'@context': [VC_CONTEXT],
		id,
		type: ['VerifiableCredential', 'BitstringStatusListCredential'],
		issuer: getDidWeb(siteUrl),
		validFrom: now.toISOString(),
		credentialSubject: {
			id: `${id}#list`,
			type: 'BitstringStatusList',
			statusPurpose: 'revocation',
			encodedList,
		},
	};
}

/** The did:web document publishing the issuer's public key for `assertionMethod`. */
export function buildDidDocument(
	siteUrl: string,
	publicJwk: { kty: string; crv: string; x: string },
	keyId: string,
) {
	const did = getDidWeb(siteUrl);
	const method = `${did}#${keyId}`;
	return {
		'@context': ['https://www.w3.org/ns/did/v1.1'],
		id: did,
		verificationMethod: [
			{ id: method, type: 'JsonWebKey', controller: did, publicKeyJwk: publicJwk },
		],
		assertionMethod: [method],
	};
}
