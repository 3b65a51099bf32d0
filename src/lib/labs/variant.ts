/**
 * Seeded variation and translations of a lab file.
 *
 * A lab file is read as raw YAML data; `resolveLab` fills in one variant's `{{variables}}` and then
 * validates the result with the lab schema. `countVariants` says how many variants a file has (1
 * without variables). `mergeLabTranslation` combines an English lab with its Bengali or Hindi
 * translation: the English file decides everything that grades (rules, limits, expected actions),
 * the translation supplies the words shown, and keyword lists are the union of both, so a learner
 * may answer in English or in their own language.
 */
import { LabSchema, type Lab } from './schema.ts';

/** How many variants the raw file defines (the common length of its variable lists, at least 1). */
export function countVariants(raw: unknown): number {
	const variables = (raw as { variables?: Record<string, unknown> } | null)?.variables;
	if (!variables || typeof variables !== 'object') return 1;
	const lengths = Object.values(variables).map((v) => (Array.isArray(v) ? v.length : 1));
	return Math.max(1, ...lengths);
}

/** Replaces every `{{name}}` in every string of `value` with the variant's value. */
export function interpolate(value: unknown, vars: Record<string, string>): unknown {
	if (typeof value === 'string')
		return value.replace(
			/\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g,
			(whole, name: string) => vars[name] ?? whole,
		);
	if (Array.isArray(value)) return value.map((v) => interpolate(v, vars));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, k === 'variables' ? v : interpolate(v, vars)]),
		);
	return value;
}

/** The values of variant `index` (wrapping round), by variable name. */
export function getVariantValues(raw: unknown, index: number): Record<string, string> {
	const variables = (raw as { variables?: Record<string, unknown[]> } | null)?.variables ?? {};
	return Object.fromEntries(
		Object.entries(variables)
			.filter(([, v]) => Array.isArray(v) && v.length > 0)
			.map(([k, v]) => [k, String(v[index % v.length])]),
	);
}

/** Variant `index` of a raw lab file, validated; or the schema's issues. */
export function resolveLab(raw: unknown, index: number) {
	return LabSchema.safeParse(interpolate(raw, getVariantValues(raw, index)));
}

const union = (a: string[], b: string[] | undefined) => [...new Set([...a, ...(b ?? [])])];
const unionGroups = (a: string[][], b: string[][] | undefined) => a.map((g, i) => union(g, b?.[i]));

/** The lab as shown in a translation: English grading, translated words, keywords from both. */
export function mergeLabTranslation(en: Lab, tr: Lab): Lab {
	const base = { ...en, title: tr.title, summary: tr.summary };
	if (en.kind === 'proposal' && tr.kind === 'proposal') {
		const byId = new Map(tr.proposal.rules.map((r) => [r.id, r]));
		return {
			...base,
			kind: 'proposal',
			proposal: {
				post: tr.proposal.post,
				model: tr.proposal.model,
				rules: en.proposal.rules.map((rule) => {
					const t = byId.get(rule.id);
					if (!t || t.type !== rule.type) return rule;
					const words = { label: t.label, hint: t.hint ?? rule.hint };
					if (
						rule.type === 'mentions' &&
						t.type === 'mentions' &&
						t.groups.length === rule.groups.length
					)
						return { ...rule, ...words, groups: unionGroups(rule.groups, t.groups) };
					if (
						(rule.type === 'starts-with' ||
							rule.type === 'forbidden-opening' ||
							rule.type === 'forbidden-phrases') &&
						'phrases' in t
					)
						return { ...rule, ...words, phrases: union(rule.phrases, t.phrases) };
					return { ...rule, ...words };
				}),
			},
		};
	}
	if (en.kind === 'calendar' && tr.kind === 'calendar') {
		const labels = new Map(tr.calendar.pillars.map((p) => [p.id, p.label]));
		return {
			...base,
			kind: 'calendar',
			calendar: {
				...en.calendar,
				brief: tr.calendar.brief,
				pillars: en.calendar.pillars.map((p) => ({ ...p, label: labels.get(p.id) ?? p.label })),
			},
		};
	}
	if (en.kind === 'inbox' && tr.kind === 'inbox') {
		const messages = new Map(tr.inbox.messages.map((m) => [m.id, m]));
		const folders = new Map(tr.inbox.folders.map((f) => [f.id, f.label]));
		const templates = new Map(tr.inbox.templates.map((t) => [t.id, t]));
		return {
			...base,
			kind: 'inbox',
			inbox: {
				...en.inbox,
				brief: tr.inbox.brief,
				folders: en.inbox.folders.map((f) => ({ ...f, label: folders.get(f.id) ?? f.label })),
				templates: en.inbox.templates.map((t) => ({
					...t,
					label: templates.get(t.id)?.label ?? t.label,
					body: templates.get(t.id)?.body ?? t.body,
				})),
				messages: en.inbox.messages.map((m) => {
					const t = messages.get(m.id);
					if (!t) return m;
					return {
						...m,
						subject: t.subject,
						body: t.body,
						fromName: t.fromName,
						explanation: t.explanation ?? m.explanation,
						links:
							t.links.length === m.links.length
								? t.links.map((l, i) => ({ text: l.text, href: m.links[i]!.href }))
								: m.links,
						expect: {
							...m.expect,
							replyMentions: unionGroups(m.expect.replyMentions, t.expect.replyMentions),
						},
					};
				}),
			},
		};
	}
	return en;
}

/** Differences in structure between an English lab and its translation, for the content check. */
export function compareLabStructure(en: Lab, tr: Lab): string[] {
	if (en.kind !== tr.kind) return [`kind is ${tr.kind} here but ${en.kind} in English`];
	const out: string[] = [];
	const sameIds = (a: { id: string }[], b: { id: string }[], what: string) => {
		for (const x of a)
			if (!b.some((y) => y.id === x.id)) out.push(`translation lacks ${what} "${x.id}"`);
		for (const y of b)
			if (!a.some((x) => x.id === y.id))
				out.push(`translation has ${what} "${y.id}", which English does not`);
	};
	if (en.kind === 'proposal' && tr.kind === 'proposal') {
		sameIds(en.proposal.rules, tr.proposal.rules, 'rule');
		for (const r of en.proposal.rules) {
			const t = tr.proposal.rules.find((x) => x.id === r.id);
			if (t && t.type !== r.type)
				out.push(`rule "${r.id}" is ${t.type} here but ${r.type} in English`);
			else if (
				t &&
				r.type === 'mentions' &&
				t.type === 'mentions' &&
				t.groups.length !== r.groups.length
			)
				out.push(
					`rule "${r.id}" has ${t.groups.length} keyword groups here but ${r.groups.length} in English`,
				);
		}
	}
	if (en.kind === 'calendar' && tr.kind === 'calendar')
		sameIds(en.calendar.pillars, tr.calendar.pillars, 'pillar');
	if (en.kind === 'inbox' && tr.kind === 'inbox') {
		sameIds(en.inbox.messages, tr.inbox.messages, 'message');
		sameIds(en.inbox.folders, tr.inbox.folders, 'folder');
		sameIds(en.inbox.templates, tr.inbox.templates, 'template');
	}
	return out;
}
