/**
 * Graded work a learner has passed, beyond lessons and quizzes: the shape that projects and labs
 * hand to the certificate rule (as required items) and to the credential (as Open Badges 3.0
 * `evidence`).
 */
export interface EvidenceItem {
	/** Which kind of graded work. */
	kind: 'project' | 'lab';
	/** The project's or lab's id (its file name without `.project.yaml` / `.lab.yaml`). */
	id: string;
	/** The lesson the work is embedded in. */
	lessonSlug: string;
	/** Title, in English (credentials are issued in English). */
	name: string;
	/** One sentence on what the learner did, in English. */
	description: string;
	/** Best score, in percent (0–100). */
	scorePercent: number;
	/** When the learner first passed it. */
	passedAt: Date;
}
