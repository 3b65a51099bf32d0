/**
 * `npm run content:stats`: per course, its units, lesson count, English words (lesson bodies
 * without frontmatter, component tags and code), the shortest lesson, quiz and question counts,
 * and which lessons have Bengali and Hindi versions; at the end, the percentage of lessons and
 * quizzes translated into each language (and of all translation files that record the English
 * version they match, `translatedFrom`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkTranslations, localeOf } from '../src/lib/content/translations.ts';
import { TRANSLATION_LOCALES } from '../src/lib/locales.ts';

const root = join(import.meta.dirname, '..', 'courses');
const words = (mdx: string) =>
	mdx
		.replace(/^---[\s\S]*?\n---\n/, '')
		.replace(/<\/?[A-Z][^>]*>/g, ' ')
		.replace(/`[^`]*`/g, ' x ')
		.split(/\s+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const totals = {
	lessons: 0,
	quizzes: 0,
	bn: { lessons: 0, quizzes: 0 },
	hi: { lessons: 0, quizzes: 0 },
};
const percent = (n: number, of: number) =>
	of === 0 ? '—' : `${Math.floor((n / of) * 1000) / 10} %`;

for (const course of readdirSync(root).sort()) {
	const dir = join(root, course);
	if (!existsSync(join(dir, 'course.md'))) continue;
	const front = parse(
		/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'course.md'), 'utf8'))![1]!,
	);
	const units = readdirSync(dir)
		.filter((u) => /^\d+-/.test(u))
		.sort();
	let lessons = 0;
	let total = 0;
	let shortest = Infinity;
	let quizzes = 0;
	let questions = 0;
	const translated = { bn: 0, hi: 0 };
	const quizTranslated = { bn: 0, hi: 0 };
	const unitLines: string[] = [];
	for (const unit of units) {
		const unitTitle = parse(readFileSync(join(dir, unit, 'unit.yaml'), 'utf8')).title as string;
		const files = readdirSync(join(dir, unit));
		const unitLessons = files.filter((f) => /^\d+-.*\.mdx$/.test(f) && !localeOf(f));
		let unitWords = 0;
		for (const f of unitLessons) {
			const n = words(readFileSync(join(dir, unit, f), 'utf8'));
			unitWords += n;
			shortest = Math.min(shortest, n);
			for (const l of TRANSLATION_LOCALES)
				if (files.includes(f.replace(/\.mdx$/, `.${l}.mdx`))) translated[l]++;
		}
		const unitQuizzes = files.filter((f) => f.endsWith('.quiz.yaml'));
		for (const q of unitQuizzes)
			for (const l of TRANSLATION_LOCALES)
				if (files.includes(q.replace(/\.yaml$/, `.${l}.yaml`))) quizTranslated[l]++;
		let unitQuestions = 0;
		for (const q of unitQuizzes)
			unitQuestions += (parse(readFileSync(join(dir, unit, q), 'utf8')).questions as unknown[])
				.length;
		lessons += unitLessons.length;
		total += unitWords;
		quizzes += unitQuizzes.length;
		questions += unitQuestions;
		unitLines.push(
			`  ${unit}: ${unitTitle} — ${unitLessons.length} lessons, ${unitWords} words, ${unitQuizzes.length} quiz(zes) with ${unitQuestions} questions`,
		);
	}
	totals.lessons += lessons;
	totals.quizzes += quizzes;
	for (const l of TRANSLATION_LOCALES) {
		totals[l].lessons += translated[l];
		totals[l].quizzes += quizTranslated[l];
	}
	console.log(`${course}: ${front.title}`);
	console.log(unitLines.join('\n'));
	console.log(
		`  total: ${units.length} units, ${lessons} lessons, ${total} words (shortest lesson ${shortest}), ${quizzes} quizzes, ${questions} questions; lessons in bn: ${translated.bn}, hi: ${translated.hi}; quizzes in bn: ${quizTranslated.bn}, hi: ${quizTranslated.hi}; course page in bn: ${existsSync(join(dir, 'course.bn.md'))}, hi: ${existsSync(join(dir, 'course.hi.md'))}\n`,
	);
}

const { counts } = checkTranslations(root, join(root, '..'));
console.log('translated (all courses):');
for (const l of TRANSLATION_LOCALES) {
	const c = counts[l];
	console.log(
		`  ${l}: lessons ${totals[l].lessons}/${totals.lessons} (${percent(totals[l].lessons, totals.lessons)}), quizzes ${totals[l].quizzes}/${totals.quizzes} (${percent(totals[l].quizzes, totals.quizzes)}); ${c.stamped}/${c.files} translation files stamped with translatedFrom, ${c.stale} stale`,
	);
}
