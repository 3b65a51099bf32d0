import { describe, expect, it } from 'vitest';
import { QuizSchema } from '../../src/lib/content/schemas.ts';
import { mergeTranslation } from '../../src/lib/quiz/translation.ts';

const english = QuizSchema.parse({
	title: 'Check',
	passMark: 80,
	attempts: 2,
	questions: [
		{
			id: 'pick',
			type: 'single',
			prompt: 'Pick',
			options: [{ text: 'a' }, { text: 'b', correct: true }],
		},
		{ id: 'tf', type: 'true-false', prompt: 'True?', answer: true },
		{ id: 'fill', type: 'fill-blanks', text: '[[one]] and [[two]]' },
	],
});

describe('mergeTranslation', () => {
	it('takes the words from the translation and every setting from English', () => {
		const bn = QuizSchema.parse({
			title: 'যাচাই',
			passMark: 10,
			attempts: 'unlimited',
			questions: [
				{
					id: 'pick',
					type: 'single',
					prompt: 'বাছুন',
					points: 5,
					options: [{ text: 'ক' }, { text: 'খ', correct: true }],
				},
				{ id: 'tf', type: 'true-false', prompt: 'সত্য?', answer: true },
				{ id: 'fill', type: 'fill-blanks', text: '[[এক]] আর [[দুই]]' },
			],
		});
		const merged = mergeTranslation(english, bn);
		expect(merged).toMatchObject({ title: 'যাচাই', passMark: 80, attempts: 2 });
		expect(merged.questions.map((q) => q.prompt ?? (q as { text: string }).text)).toEqual([
			'বাছুন',
			'সত্য?',
			'[[এক]] আর [[দুই]]',
		]);
		expect(merged.questions[0]!.points).toBe(1);
	});

	it('keeps the English question where the translation differs in answers or structure, or lacks it', () => {
		const slip = QuizSchema.parse({
			title: 'যাচাই',
			questions: [
				{
					id: 'pick',
					type: 'single',
					prompt: 'বাছুন',
					options: [{ text: 'ক', correct: true }, { text: 'খ' }],
				},
				{ id: 'fill', type: 'fill-blanks', text: '[[এক]] আর দুই' },
			],
		});
		const merged = mergeTranslation(english, slip);
		expect(merged.questions).toEqual(english.questions);
	});
});
