/**
 * The one place the grading engine takes Office-file opening and the check library from:
 * ./ooxml.ts (safe opening by content, with zip and XML limits) and ./checks/ (the check library).
 */
export { openOfficeFile, type OfficeFile, type OfficeKind, type OpenRefusal } from './ooxml.ts';
export { CHECKS, runCheck, type CheckContext, type CheckOutcome } from './checks/index.ts';
