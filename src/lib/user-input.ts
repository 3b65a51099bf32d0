/**
 * Normalising and checking what people type into account forms. Pure functions (no server
 * imports), shared by the forms, the command-line tools and the tests.
 */
import { z } from 'astro/zod';
import { LOCALES } from './i18n.ts';

/**
 * A certificate name: trimmed, inner runs of white space collapsed, NFC-normalised (so Bengali and
 * Devanagari typed with different input methods compare equal), 1 to 100 characters, no control
 * characters. Any script is welcome.
 */
export const NameSchema = z
	.string()
	.transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
	.refine((s) => s.length > 0, 'nameRequired')
	.refine((s) => [...s].length <= 100, 'nameTooLong')
	.refine((s) => !/[\p{Cc}\p{Cs}]/u.test(s), 'nameInvalid');

/** An email address, trimmed and lower-cased. */
export const EmailSchema = z
	.string()
	.transform((s) => s.trim().toLowerCase())
	.pipe(z.email('emailInvalid').max(254, 'emailInvalid'));

/** A supported interface language. */
export const LocaleSchema = z.enum(LOCALES, { message: 'localeInvalid' });

/** A role. */
export const RoleSchema = z.enum(['learner', 'instructor', 'admin']);
