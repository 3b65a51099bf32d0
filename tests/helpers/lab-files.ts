/** Reading lab files in tests, exactly as the server resolves them (variant, translation). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Lab } from '../../src/lib/labs/schema.ts';
import { mergeLabTranslation, resolveLab } from '../../src/lib/labs/variant.ts';
import { root } from './server.ts';

const roots = [join(root, 'courses'), join(root, 'tests', 'fixtures', 'courses')];

/** The path of lab `id` of `course` (English, or a translation). */
export function findLabFile(course: string, id: string, locale = 'en'): string {
	const name = locale === 'en' ? `${id}.lab.yaml` : `${id}.lab.${locale}.yaml`;
	for (const r of roots) {
		const dir = join(r, course);
		if (!existsSync(dir)) continue;
		for (const unit of readdirSync(dir))
			if (existsSync(join(dir, unit, name))) return join(dir, unit, name);
	}
	throw new Error(`No lab file ${name} in courses/${course}`);
}

/** The raw YAML data of a lab file. */
export function readRawLab(course: string, id: string, locale = 'en'): unknown {
	return parse(readFileSync(findLabFile(course, id, locale), 'utf8'));
}

/** Variant `variant` of a lab, validated (merged with its translation for bn/hi). */
export function readLab(course: string, id: string, variant = 0, locale = 'en'): Lab {
	const en = resolveLab(readRawLab(course, id), variant);
	if (!en.success) throw new Error(en.error.message);
	if (locale === 'en') return en.data;
	const tr = resolveLab(readRawLab(course, id, locale), variant);
	if (!tr.success) throw new Error(tr.error.message);
	return mergeLabTranslation(en.data, tr.data);
}
