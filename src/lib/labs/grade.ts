/**
 * One entry point for grading any lab kind: the parsed work in, the graded report out. Pure.
 */
import type { Translate } from '../i18n.ts';
import { gradeCalendar } from './calendar.ts';
import { gradeInbox } from './inbox.ts';
import { gradeProposal } from './proposal.ts';
import type { Lab } from './schema.ts';
import type { LabWork } from './submission.ts';
import type { LabGrade } from './types.ts';

/** Grades `work` against `lab` (the kinds must match; a mismatch is a programming error). */
export function gradeLab(lab: Lab, work: LabWork, t: Translate): LabGrade {
	if (lab.kind === 'proposal' && work.kind === 'proposal')
		return gradeProposal(lab, work.text, lab.passMark, t);
	if (lab.kind === 'calendar' && work.kind === 'calendar')
		return gradeCalendar(lab, work.posts, lab.passMark, t);
	if (lab.kind === 'inbox' && work.kind === 'inbox')
		return gradeInbox(lab, new Map(Object.entries(work.actions)), lab.passMark, t);
	throw new Error(`cannot grade ${work.kind} work against a ${lab.kind} lab`);
}
