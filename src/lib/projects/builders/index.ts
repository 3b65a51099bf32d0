/**
 * Start-file builders by id: a project file names its builder (`builder: order-report`). Each
 * builder makes an attempt's personalised file from a seed, and the values its checks expect.
 */
import { customerList } from './customer-list.ts';
import { leadList } from './lead-list.ts';
import { orderReport } from './order-report.ts';
import { salesSummary } from './sales-summary.ts';
import type { ProjectBuilder } from './types.ts';

export const BUILDERS: Record<string, ProjectBuilder> = {
	'customer-list': customerList,
	'lead-list': leadList,
	'order-report': orderReport,
	'sales-summary': salesSummary,
};

export type { ProjectBuilder, StartFileContext } from './types.ts';
