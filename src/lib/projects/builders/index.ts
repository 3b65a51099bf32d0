/**
 * Start-file builders by id: a project file names its builder (`builder: order-report`). Each
 * builder makes an attempt's personalised file from a seed, and the values its checks expect.
 */
import { buyerGuide } from './buyer-guide.ts';
import { buyerLetter } from './buyer-letter.ts';
import { customerList } from './customer-list.ts';
import { leadList } from './lead-list.ts';
import { officeLunchDeck } from './office-lunch-deck.ts';
import { orderReport } from './order-report.ts';
import { salesSummary } from './sales-summary.ts';
import type { ProjectBuilder } from './types.ts';

export const BUILDERS: Record<string, ProjectBuilder> = {
	'buyer-guide': buyerGuide,
	'buyer-letter': buyerLetter,
	'customer-list': customerList,
	'lead-list': leadList,
	'office-lunch-deck': officeLunchDeck,
	'order-report': orderReport,
	'sales-summary': salesSummary,
};

export type { ProjectBuilder, StartFileContext } from './types.ts';
