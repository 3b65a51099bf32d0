/**
 * Grading a proposal against the lab's authored rules. Pure: the text in, one result per rule out.
 * Keyword rules accept any word of a group in English or the learner's language (the lab's
 * translation adds its own words; see variant.ts).
 */
import type { Translate } from '../i18n.ts';
import type { ProposalLab, ProposalRule } from './schema.ts';
import {
	containsKeyword,
	countWords,
	findContactDetails,
	findKeyword,
	getOpening,
	prepareText,
	startsWithPhrase,
	type PreparedText,
} from './text.ts';
import { summariseRules, type LabGrade, type RuleResult } from './types.ts';

/** Most characters a proposal may have (a form field limit, far above any rule's word limit). */
export const MAX_PROPOSAL_CHARS = 12_000;

/** Words at the start of a proposal checked for a generic opening. */
const OPENING_WORDS = 12;

function checkRule(
	rule: ProposalRule,
	text: string,
	prepared: PreparedText,
	t: Translate,
): { credit: number; found?: string } {
	switch (rule.type) {
		case 'starts-with':
			return { credit: rule.phrases.some((p) => startsWithPhrase(text, p)) ? 1 : 0 };
		case 'mentions': {
			const met = rule.groups.filter((g) => findKeyword(prepared, g) !== undefined).length;
			return {
				credit: met / rule.groups.length,
				found: t('lab.proposal.foundGroups', { met, total: rule.groups.length }),
			};
		}
		case 'word-count': {
			const words = countWords(text);
			return {
				credit: words >= rule.min && words <= rule.max ? 1 : 0,
				found: t('lab.proposal.foundWords', { count: words }),
			};
		}
		case 'forbidden-opening': {
			const opening = getOpening(text, OPENING_WORDS);
			const hit = rule.phrases.find((p) => containsKeyword(opening, p));
			return {
				credit: hit ? 0 : 1,
				found: hit ? t('lab.proposal.foundPhrase', { phrase: hit }) : undefined,
			};
		}
		case 'forbidden-phrases': {
			const hit = findKeyword(prepared, rule.phrases);
			return {
				credit: hit ? 0 : 1,
				found: hit ? t('lab.proposal.foundPhrase', { phrase: hit }) : undefined,
			};
		}
		case 'no-contact-details': {
			const hits = findContactDetails(text);
			return {
				credit: hits.length ? 0 : 1,
				found: hits.length ? t('lab.proposal.foundContact', { what: hits.join(', ') }) : undefined,
			};
		}
	}
}

/** Grades a proposal text. */
export function gradeProposal(
	lab: ProposalLab,
	text: string,
	passMark: number,
	t: Translate,
): LabGrade {
	const prepared = prepareText(text);
	const rules: RuleResult[] = lab.proposal.rules.map((rule) => {
		const { credit, found } = checkRule(rule, text, prepared, t);
		const passed = credit >= 1;
		return {
			id: rule.id,
			label: rule.label,
			credit: Math.round(credit * 1000) / 1000,
			points: rule.points,
			passed,
			critical: rule.critical,
			...(found ? { found } : {}),
			...(!passed && rule.hint ? { expected: [rule.hint] } : {}),
		};
	});
	return summariseRules(rules, passMark);
}
