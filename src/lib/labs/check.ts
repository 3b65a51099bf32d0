/**
 * The content check for lab files (`<id>.lab.yaml` and translations), called by
 * src/lib/content/check.ts for every unit folder: YAML syntax, every variant against the lab
 * schema (each problem with its line, and the variant when the lab has several), duplicate lab
 * ids within a course, and translations that differ in structure from the English lab.
 */
import { TRANSLATION_LOCALES } from '../locales.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Lab } from './schema.ts';
import { compareLabStructure, countVariants, getVariantValues, resolveLab } from './variant.ts';

/** A `<Lab id="…" />` found in a lesson. */
export interface LabRef {
	id: string;
	file: string;
	line: number;
}

type Add = (file: string, line: number, message: string) => void;

/** Every variant of one lab file, validated; problems reported with their line. */
export function checkLabFile(path: string, add: Add): Lab[] | undefined {
	const counter = new LineCounter();
	const doc = parseDocument(readFileSync(path, 'utf8'), {
		lineCounter: counter,
		prettyErrors: false,
	});
	if (doc.errors.length > 0) {
		for (const error of doc.errors)
			add(path, counter.linePos(error.pos[0]).line, `YAML: ${error.message.split('\n')[0]}`);
		return undefined;
	}
	const raw = doc.toJS() ?? {};
	const variants = countVariants(raw);
	const labs: Lab[] = [];
	const seen = new Set<string>();
	for (let i = 0; i < variants; i++) {
		const result = resolveLab(raw, i);
		if (result.success) {
			labs.push(result.data);
			continue;
		}
		const which =
			variants > 1
				? ` (variant ${i + 1}: ${Object.entries(getVariantValues(raw, i))
						.map(([k, v]) => `${k}=${v}`)
						.join(', ')})`
				: '';
		for (const issue of result.error.issues) {
			const lineFor = () => {
				for (let n = issue.path.length; n >= 0; n--) {
					const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true) as
						{ range?: [number, number, number] } | undefined;
					if (node && typeof node === 'object' && node.range)
						return counter.linePos(node.range[0]).line;
				}
				return 1;
			};
			const path_ = issue.path.map(String).join('.');
			const message = `${path_ ? `${path_}: ` : ''}${issue.message}`;
			if (seen.has(message)) continue;
			seen.add(message);
			add(path, lineFor(), `${message}${which}`);
		}
	}
	return labs.length === variants ? labs : undefined;
}

/** Checks the lab files of one unit folder, recording each lab id and file in `labs`. */
export function checkLabFiles(
	unitDir: string,
	labs: Map<string, string>,
	rel: (p: string) => string,
	add: Add,
): void {
	for (const file of readdirSync(unitDir).filter((f) => /\.lab\.yaml$/.test(f))) {
		const id = file.replace(/\.lab\.yaml$/, '');
		const path = join(unitDir, file);
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
			add(path, 1, `lab file name "${file}" must be <id>.lab.yaml with a lowercase id`);
		if (labs.has(id)) add(path, 1, `duplicate lab id "${id}" (also ${rel(labs.get(id)!)})`);
		labs.set(id, path);
		const english = checkLabFile(path, add);
		for (const locale of TRANSLATION_LOCALES) {
			const trPath = join(unitDir, `${id}.lab.${locale}.yaml`);
			if (!existsSync(trPath)) continue;
			const tr = checkLabFile(trPath, add);
			if (english && tr) {
				if (tr.length !== english.length)
					add(
						trPath,
						1,
						`the translation has ${tr.length} variants but English has ${english.length}`,
					);
				else
					for (const message of new Set(
						english.flatMap((en, i) => compareLabStructure(en, tr[i]!)),
					))
						add(trPath, 1, message);
			}
		}
	}
}
