/**
 * The one place the grading engine takes Office-file opening and the check library from. Today it
 * points at the interim versions in ./interim/; it switches to ./ooxml.ts and ./checks/ when the
 * check library lands (same signatures).
 */
export { openOfficeFile, type OfficeFile, type OfficeKind, type OpenRefusal } from './interim/ooxml-lite.ts';
export { CHECKS, runCheck, type CheckContext, type CheckOutcome } from './interim/checks.ts';
