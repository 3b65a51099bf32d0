/**
 * Combining a quiz with its translation. The English file is the authority for everything that
 * decides a grade or a rule: settings (pass mark, attempts, reveal…) always come from it, and a
 * translated question is used only when it has the same type, the same number of options, items,
 * pairs or blanks, and the same correct answers. Otherwise the English question is shown, so a
 * slip in a translation can never grade a Bengali or Hindi learner differently.
 */
import type { Question, Quiz } from '../content/schemas.ts';
import { countChoices, getBlanks } from './layout.ts';

/** True when a translated question can stand in for the English one. */
export function verifySameQuestion(en: Question, tr: Question): boolean {
	if (en.id !== tr.id || en.type !== tr.type || countChoices(en) !== countChoices(tr)) return false;
	if (en.type === 'single' || en.type === 'multiple') {
		const trOptions = (tr as typeof en).options;
		return (
			en.options.every((o, i) => o.correct === trOptions[i]!.correct) &&
			(en.type !== 'multiple' || en.scoring === (tr as typeof en).scoring)
		);
	}
	if (en.type === 'true-false') return en.answer === (tr as typeof en).answer;
	if (en.type === 'numeric')
		return en.answer === (tr as typeof en).answer && en.tolerance === (tr as typeof en).tolerance;
	if (en.type === 'fill-blanks')
		return getBlanks(en.text).length === getBlanks((tr as typeof en).text).length;
	return true;
}

/** The quiz as shown in a translation: English settings, translated questions where they fit. */
export function mergeTranslation(english: Quiz, translation: Quiz): Quiz {
	const byId = new Map(translation.questions.map((q) => [q.id, q]));
	return {
		...english,
		title: translation.title,
		questions: english.questions.map((q) => {
			const tr = byId.get(q.id);
			return tr && verifySameQuestion(q, tr) ? { ...tr, points: q.points } : q;
		}),
	};
}
