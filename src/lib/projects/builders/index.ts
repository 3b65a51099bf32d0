/**
 * Start-file builders by id: a project file names its builder (`builder: order-report`). Each
 * builder makes an attempt's personalised file from a seed, and the values its checks expect.
 */
import { orderReport } from './order-report.ts';
import type { ProjectBuilder } from './types.ts';

export const BUILDERS: Record<string, ProjectBuilder> = {
	'order-report': orderReport,
};

export type { ProjectBuilder, StartFileContext } from './types.ts';
