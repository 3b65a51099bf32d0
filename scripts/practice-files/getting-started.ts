/** Practice files for the Getting started course. */
import type { PracticeFile } from './types.ts';

const rows = [
	['day', 'time', 'minutes', 'lesson', 'done'],
	['Monday', '20:30', '20', '', ''],
	['Tuesday', '20:30', '20', '', ''],
	['Wednesday', '20:30', '20', '', ''],
	['Thursday', '20:30', '20', '', ''],
	['Friday', '', '', '', ''],
	['Saturday', '10:00', '40', '', ''],
	['Sunday', '', '', '', ''],
];

export const files: PracticeFile[] = [
	{
		name: 'study-plan.csv',
		build: () => Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8'),
	},
];
