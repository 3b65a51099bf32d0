/**
 * Errors for author components: a misused component fails the build (or the dev page) with a
 * message naming the lesson file, the component and the valid values.
 */
import { AstroError } from 'astro/errors';
import { REQUIRED_PROPS, type RequiredProp } from '~/lib/content/kit-rules.ts';

/** Throws an AstroError naming the file (from the lesson context) and the component. */
export function failComponent(
	locals: App.Locals,
	component: string,
	problem: string,
	hint: string,
): never {
	const file = locals.lesson?.file ?? 'unknown file';
	throw new AstroError(`${file}: <${component}> ${problem}`, hint);
}

/** Checks that `value` is one of `allowed`, or fails naming them. */
export function expectOneOf<T extends string>(
	locals: App.Locals,
	component: string,
	prop: string,
	value: unknown,
	allowed: readonly T[],
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	failComponent(
		locals,
		component,
		`has ${prop}=${JSON.stringify(value)}, which is not valid.`,
		`Use one of: ${allowed.map((a) => `${prop}="${a}"`).join(', ')}.`,
	);
}

/** Checks that a string prop is present and not blank. */
export function expectText(
	locals: App.Locals,
	component: string,
	prop: string,
	value: unknown,
	example: string,
): string {
	if (typeof value === 'string' && value.trim() !== '') return value;
	failComponent(
		locals,
		component,
		`needs a non-empty ${prop}.`,
		`For example: <${component} ${prop}="${example}" …>`,
	);
}

/** Checks a required text prop of the kit (kit-rules.ts), or fails with its example. */
export function expectProp<C extends keyof typeof REQUIRED_PROPS>(
	locals: App.Locals,
	component: C,
	prop: RequiredProp<C>,
	value: unknown,
): string {
	const examples: Record<string, string> = REQUIRED_PROPS[component];
	return expectText(locals, component, prop, value, examples[prop]!);
}
