/**
 * Graded projects and labs as Open Badges 3.0 `evidence` (pure functions).
 *
 * At issue time the server collects the learner's passed projects and labs (`collectEvidence`) and
 * stores them on the certificate row, so the credential reads the same on every request; when the
 * credential is built, each item becomes one `Evidence` object (`mapEvidence`): name, description,
 * a narrative with the score and the date, and a `genre` saying which kind of graded work it was.
 * Evidence carries no `id` (a link to the learner's work) unless the learner has chosen to make it
 * public; no page offers that choice yet, so there is no link.
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

/** The credential's `evidence` array for the stored items (an empty array for none). */
export function mapEvidence(items: readonly StoredEvidenceItem[]): OpenBadgeEvidence[] {
	return items.map((item) => {
		const date = new Date(item.passedAt).toISOString().slice(0, 10);
		const score = Math.round(item.scorePercent * 10) / 10;
		return {
			type: ['Evidence'],
			name: item.name,
			description: item.description,
			narrative: `${GENRE[item.kind]} “${item.name}”, graded on the server: scored ${score}% (passed on ${date}).`,
			genre: GENRE[item.kind],
		};
	});
}
