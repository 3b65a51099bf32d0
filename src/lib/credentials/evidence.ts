/**
 * Graded projects and labs as Open Badges 3.0 `evidence` (pure functions).
 *
 * At issue time the server collects the learner's passed projects and labs (`collectEvidence`) and
 * stores them on the certificate row, so the credential reads the same on every request; when the
 * credential is built, each item becomes one `Evidence` object (`mapEvidence`): name, description,
 * a narrative with the score and the date, and a `genre` saying which kind of graded work it was.
 * Evidence carries an `id` (a link to the learner's work, `<page>#<kind>-<id>` on the public
 * evidence page, src/pages/[...lang]/verify/[id]/evidence.astro) only when the learner has chosen
 * to show their graded work; otherwise there is no link.
 */
import type { EvidenceItem } from '../evidence.ts';

/** An evidence item as stored in the certificate's JSON column (dates become strings). */
export type StoredEvidenceItem = Omit<EvidenceItem, 'passedAt'> & { passedAt: Date | string };

/** An OB 3.0 `Evidence` object. */
export interface OpenBadgeEvidence {
	id?: string;
	type: ['Evidence'];
	name: string;
	description: string;
	narrative: string;
	genre: string;
}

const GENRE = { project: 'Graded project', lab: 'Graded lab' } as const;

/** Merges passed projects and labs into one list in a stable order (kind, then lesson, then id). */
export function collectEvidence(
	projects: ReadonlyMap<string, EvidenceItem>,
	labs: ReadonlyMap<string, EvidenceItem>,
): EvidenceItem[] {
	return [...projects.values(), ...labs.values()].sort(
		(a, b) =>
			a.kind.localeCompare(b.kind) ||
			a.lessonSlug.localeCompare(b.lessonSlug) ||
			a.id.localeCompare(b.id),
	);
}

/** The fragment naming one item on the public evidence page, e.g. `project-order-report`. */
export function getEvidenceAnchor(item: Pick<StoredEvidenceItem, 'kind' | 'id'>): string {
	return `${item.kind}-${item.id}`;
}

/** Absolute URL of a certificate's public evidence page (English; /bn/ and /hi/ have their own). */
export function getEvidencePageUrl(siteUrl: string, certificateId: string): string {
	return new URL(`/verify/${certificateId}/evidence`, siteUrl).href;
}

/**
 * The credential's `evidence` array for the stored items (an empty array for none). With
 * `pageUrl` (the learner has opted in), each item's `id` is its place on that page.
 */
export function mapEvidence(
	items: readonly StoredEvidenceItem[],
	pageUrl?: string | null,
): OpenBadgeEvidence[] {
	return items.map((item) => {
		const date = new Date(item.passedAt).toISOString().slice(0, 10);
		const score = Math.round(item.scorePercent * 10) / 10;
		return {
			...(pageUrl ? { id: `${pageUrl}#${getEvidenceAnchor(item)}` } : {}),
			type: ['Evidence'],
			name: item.name,
			description: item.description,
			narrative: `${GENRE[item.kind]} “${item.name}”, graded on the server: scored ${score}% (passed on ${date}).`,
			genre: GENRE[item.kind],
		};
	});
}
