/**
 * The rules of the author component kit, in one place: the component names, the allowed Callout
 * types and each component's required text props with an example value. The components
 * (src/components/kit/) enforce them when a lesson renders; the content check (check.ts) reports
 * them before a build. Pure: no Astro imports, so plain node (npm run content:check) loads it.
 */

/** Every component a lesson can use without an import (src/components/kit/index.ts). */
export const KIT_COMPONENTS = ['Callout', 'Checklist', 'Download', 'Figure', 'Glossary', 'Kbd', 'Lab', 'Objectives', 'Project', 'Quiz', 'Scenario', 'Solution', 'Steps'] as const;
export type KitComponent = (typeof KIT_COMPONENTS)[number];

/** True when `name` is a component of the kit. */
export function isKitComponent(name: string): name is KitComponent {
	return (KIT_COMPONENTS as readonly string[]).includes(name);
}

/** The kinds of `<Callout type="…">`. */
export const CALLOUT_TYPES = ['note', 'tip', 'warning', 'client-tip'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** The text props a component cannot do without, each with an example for the error message. */
export const REQUIRED_PROPS = {
	Download: { file: 'files/practice.xlsx', title: 'Practice file' },
	Figure: { src: 'images/example.png', alt: 'What the picture shows' },
	Glossary: { term: 'pivot table' },
	Lab: { id: 'proposal-bakery' },
	Project: { id: 'order-report' },
	Quiz: { id: 'unit-1-check' },
	Scenario: { client: 'Rahim, owner of a bakery in Sylhet' },
	Solution: {
		file: 'solutions/contacts-clean.xlsx',
		after: 'unit-3-check',
		title: 'Cleaned contact list',
	},
} as const satisfies Partial<Record<KitComponent, Record<string, string>>>;
export type RequiredProp<C extends keyof typeof REQUIRED_PROPS> = keyof (typeof REQUIRED_PROPS)[C] & string;
