/**
 * docx checks (filled in by the following commits).
 */
import type { CheckDefinition } from './index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own params type
export const DOCX_CHECKS: CheckDefinition<any>[] = [];
