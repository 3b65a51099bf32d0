/**
 * `npm run content:stats`: per course, its units, lesson count, English words (lesson bodies
 * without frontmatter, component tags and code), the shortest lesson, quiz and question counts,
 * and which lessons have Bengali and Hindi versions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', 'courses');
const words = (mdx: string) =>
	mdx
		.replace(/^---[\s\S]*?\n---\n/, '')
		.replace(/<\/?[A-Z][^>]*>/g, ' ')
		.replace(/`[^`]*`/g, ' x ')
		.split(/\s+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

for (const course of readdirSync(root).sort()) {
	const dir = join(root, course);
	if (!existsSync(join(dir, 'course.md'))) continue;
	const front = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'course.md'), 'utf8'))![1]!);
	const units = readdirSync(dir).filter((u) => /^\d+-/.test(u)).sort();
	let lessons = 0;
	let total = 0;
	let shortest = Infinity;
	let quizzes = 0;
	let questions = 0;
	const translated = { bn: 0, hi: 0 };
	const unitLines: string[] = [];
	for (const unit of units) {
		const unitTitle = parse(readFileSync(join(dir, unit, 'unit.yaml'), 'utf8')).title as string;
		const files = readdirSync(join(dir, unit));
		const unitLessons = files.filter((f) => /^\d+-.*\.mdx$/.test(f) && !/\.(bn|hi)\.mdx$/.test(f));
		let unitWords = 0;
		for (const f of unitLessons) {
			const n = words(readFileSync(join(dir, unit, f), 'utf8'));
			unitWords += n;
			shortest = Math.min(shortest, n);
			for (const l of ['bn', 'hi'] as const) if (files.includes(f.replace(/\.mdx$/, `.${l}.mdx`))) translated[l]++;
		}
		const unitQuizzes = files.filter((f) => f.endsWith('.quiz.yaml'));
		let unitQuestions = 0;
		for (const q of unitQuizzes) unitQuestions += (parse(readFileSync(join(dir, unit, q), 'utf8')).questions as unknown[]).length;
		lessons += unitLessons.length;
		total += unitWords;
		quizzes += unitQuizzes.length;
		questions += unitQuestions;
		unitLines.push(`  ${unit}: ${unitTitle} — ${unitLessons.length} lessons, ${unitWords} words, ${unitQuizzes.length} quiz(zes) with ${unitQuestions} questions`);
	}
	console.log(`${course}: ${front.title}`);
	console.log(unitLines.join('\n'));
	console.log(`  total: ${units.length} units, ${lessons} lessons, ${total} words (shortest lesson ${shortest}), ${quizzes} quizzes, ${questions} questions; lessons in bn: ${translated.bn}, hi: ${translated.hi}; course page in bn: ${existsSync(join(dir, 'course.bn.md'))}, hi: ${existsSync(join(dir, 'course.hi.md'))}\n`);
}
