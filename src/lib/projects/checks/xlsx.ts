/**
 * Every xlsx check: cell contents (xlsx-cells.ts), sheet features (xlsx-sheet.ts), pivot tables
 * and charts (xlsx-objects.ts).
 */
import type { CheckDefinition } from './types.ts';
import { XLSX_CELL_CHECKS } from './xlsx-cells.ts';
import { XLSX_OBJECT_CHECKS } from './xlsx-objects.ts';
import { XLSX_SHEET_CHECKS } from './xlsx-sheet.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own params type
export const XLSX_CHECKS: CheckDefinition<any>[] = [
	...XLSX_CELL_CHECKS,
	...XLSX_SHEET_CHECKS,
	...XLSX_OBJECT_CHECKS,
];
