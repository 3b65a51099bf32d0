/**
 * Practice files for the course "Google Workspace for virtual assistants"
 * (courses/google-workspace).
 *
 * - supplier-orders-whitfield.csv: 24 supplier orders of a fictional interior design studio in Leeds
 *   (Whitfield Interiors), for importing into Google Sheets and practising dropdowns, filter views,
 *   XLOOKUP, SUMIFS, pivot tables and protected ranges. Dates are year-month-day so every locale
 *   reads them the same way; amounts are in pounds sterling without a currency sign.
 * - travel-sheet-whitfield.csv: the draft travel sheet for Sarah Whitfield's trip to a trade fair in
 *   Singapore and a client visit in Melbourne in March 2027. Every time is the local time of the place
 *   it happens, with its time zone and UTC offset. It holds three deliberate faults for the learner to
 *   find: a misspelt passenger name (row 2), a hotel check-in a day after the arrival (row 6) and a
 *   full card number in the notes (row 8, the well-known test number 4111 1111 1111 1111).
 *
 * Every name, company, flight and confirmation number is invented. Builders are deterministic.
 */
import type { PracticeFile } from './types.ts';

/** Quotes a CSV field when it contains a comma, a quote or a line break. */
const field = (value: string | number) => {
	const text = String(value);
	return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const toCsv = (rows: (string | number)[][]) =>
	`${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;

// ------------------------------------------------------------------ supplier orders (.csv)

const suppliers: Record<string, [email: string, category: string]> = {
	'Linden Fabrics': ['orders@lindenfabrics.example', 'Fabric'],
	'Oakridge Furniture': ['trade@oakridgefurniture.example', 'Furniture'],
	'Pennine Paints': ['sales@penninepaints.example', 'Paint'],
	'Brightwell Lighting': ['hello@brightwell-lighting.example', 'Lighting'],
	'Moorside Joinery': ['office@moorsidejoinery.example', 'Joinery'],
};

/** [order id, date, supplier, project, amount in GBP, status] */
const orders: [string, string, string, string, number, string][] = [
	['WI-1001', '2027-01-04', 'Linden Fabrics', 'Harrogate house', 1240.0, 'Paid'],
	['WI-1002', '2027-01-05', 'Pennine Paints', 'Ilkley flat', 318.5, 'Paid'],
	['WI-1003', '2027-01-06', 'Oakridge Furniture', 'Harrogate house', 4650.0, 'Delivered'],
	['WI-1004', '2027-01-08', 'Brightwell Lighting', 'Studio', 289.99, 'Paid'],
	['WI-1005', '2027-01-11', 'Moorside Joinery', 'Harrogate house', 2980.0, 'Paid'],
	['WI-1006', '2027-01-12', 'Linden Fabrics', 'Ilkley flat', 765.2, 'Delivered'],
	['WI-1007', '2027-01-13', 'Pennine Paints', 'Harrogate house', 512.75, 'Paid'],
	['WI-1008', '2027-01-14', 'Oakridge Furniture', 'Ilkley flat', 1899.0, 'Ordered'],
	['WI-1009', '2027-01-15', 'Brightwell Lighting', 'Harrogate house', 1375.0, 'Ordered'],
	['WI-1010', '2027-01-18', 'Linden Fabrics', 'Harrogate house', 430.6, 'Cancelled'],
	['WI-1011', '2027-01-19', 'Moorside Joinery', 'Ilkley flat', 2150.0, 'Delivered'],
	['WI-1012', '2027-01-20', 'Pennine Paints', 'Studio', 96.4, 'Paid'],
	['WI-1013', '2027-01-21', 'Oakridge Furniture', 'Harrogate house', 3125.0, 'Paid'],
	['WI-1014', '2027-01-22', 'Linden Fabrics', 'Ilkley flat', 582.3, 'Paid'],
	['WI-1015', '2027-01-25', 'Brightwell Lighting', 'Ilkley flat', 648.0, 'Delivered'],
	['WI-1016', '2027-01-26', 'Moorside Joinery', 'Harrogate house', 1760.0, 'Ordered'],
	['WI-1017', '2027-01-27', 'Pennine Paints', 'Harrogate house', 244.9, 'Delivered'],
	['WI-1018', '2027-01-28', 'Oakridge Furniture', 'Studio', 735.0, 'Paid'],
	['WI-1019', '2027-02-01', 'Linden Fabrics', 'Harrogate house', 918.45, 'Paid'],
	['WI-1020', '2027-02-02', 'Brightwell Lighting', 'Harrogate house', 402.5, 'Delivered'],
	['WI-1021', '2027-02-03', 'Moorside Joinery', 'Studio', 1280.0, 'Ordered'],
	['WI-1022', '2027-02-04', 'Pennine Paints', 'Ilkley flat', 187.6, 'Cancelled'],
	['WI-1023', '2027-02-05', 'Oakridge Furniture', 'Ilkley flat', 2435.0, 'Paid'],
	['WI-1024', '2027-02-08', 'Linden Fabrics', 'Studio', 156.8, 'Ordered'],
];

function supplierOrders(): string {
	const rows: (string | number)[][] = [
		[
			'Order ID',
			'Date',
			'Supplier',
			'Supplier email',
			'Project',
			'Category',
			'Amount (GBP)',
			'Status',
		],
	];
	for (const [id, date, supplier, project, amount, status] of orders) {
		const [email, category] = suppliers[supplier]!;
		rows.push([id, date, supplier, email, project, category, amount.toFixed(2), status]);
	}
	return toCsv(rows);
}

// ------------------------------------------------------------------ travel sheet (.csv)

const travel: string[][] = [
	[
		'Row',
		'Type',
		'Provider and number',
		'From',
		'To',
		'Start (local)',
		'Start time zone',
		'End (local)',
		'End time zone',
		'Name on booking',
		'Confirmation',
		'Cancellation terms',
		'Free cancellation until (local)',
		'Cost',
		'Notes',
	],
	[
		'1',
		'Flight',
		'Skyline Air SK 204',
		'Manchester (MAN)',
		'Dubai (DXB)',
		'2027-03-07 20:55',
		'Europe/London (UTC+0)',
		'2027-03-08 07:40',
		'Asia/Dubai (UTC+4)',
		'SARAH JANE WHITFIELD',
		'SKQ7X2',
		'Non-refundable; changes GBP 75 plus any fare difference',
		'',
		'GBP 1,184.60 for the whole Skyline Air ticket (rows 1, 2, 8, 9)',
		'Seat 32A; checked bag 30 kg',
	],
	[
		'2',
		'Flight',
		'Skyline Air SK 433',
		'Dubai (DXB)',
		'Singapore (SIN)',
		'2027-03-08 09:50',
		'Asia/Dubai (UTC+4)',
		'2027-03-08 21:05',
		'Asia/Singapore (UTC+8)',
		'SARA WHITFIELD',
		'SKQ7X2',
		'Same ticket as row 1',
		'',
		'Included in row 1',
		'Connection in Dubai',
	],
	[
		'3',
		'Hotel',
		'Marina Bay Lodge',
		'Singapore',
		'',
		'2027-03-08 15:00',
		'Asia/Singapore (UTC+8)',
		'2027-03-12 11:00',
		'Asia/Singapore (UTC+8)',
		'Sarah Whitfield',
		'MBL-558201',
		'Free cancellation, then first night charged',
		'2027-03-05 18:00',
		'SGD 1,140.00 for 4 nights, pay at hotel',
		'Late arrival after 22:00 noted with hotel',
	],
	[
		'4',
		'Event',
		'Asia Interiors Expo, trade pass',
		'Singapore Expo, Hall 4',
		'',
		'2027-03-09 09:00',
		'Asia/Singapore (UTC+8)',
		'2027-03-11 18:00',
		'Asia/Singapore (UTC+8)',
		'Sarah Whitfield',
		'EXPO-TRD-30917',
		'Non-refundable',
		'',
		'SGD 180.00',
		'Collect badge at Hall 4 desk with passport',
	],
	[
		'5',
		'Flight',
		'Coral Airways CA 211',
		'Singapore (SIN)',
		'Melbourne (MEL)',
		'2027-03-12 20:30',
		'Asia/Singapore (UTC+8)',
		'2027-03-13 07:15',
		'Australia/Melbourne (UTC+11)',
		'SARAH JANE WHITFIELD',
		'CA8LMP',
		'Flex fare: free changes; refund minus AUD 150',
		'2027-03-11 20:30',
		'AUD 486.00',
		'Checked bag 23 kg on this airline',
	],
	[
		'6',
		'Hotel',
		'Yarra Court Apartments',
		'Melbourne',
		'',
		'2027-03-14 14:00',
		'Australia/Melbourne (UTC+11)',
		'2027-03-17 10:00',
		'Australia/Melbourne (UTC+11)',
		'Sarah Whitfield',
		'YCA-20417',
		'Free cancellation',
		'2027-03-12 14:00',
		'AUD 735.00 for 3 nights',
		'Early check-in requested',
	],
	[
		'7',
		'Transfer',
		'Bayside Cars',
		'Melbourne Airport (MEL)',
		'Yarra Court Apartments',
		'2027-03-13 07:45',
		'Australia/Melbourne (UTC+11)',
		'',
		'',
		'Sarah Whitfield',
		'BC-7731',
		'Free cancellation',
		'2027-03-12 07:45',
		'AUD 95.00',
		'Driver tracks flight CA 211 and waits 60 minutes',
	],
	[
		'8',
		'Flight',
		'Skyline Air SK 409',
		'Melbourne (MEL)',
		'Dubai (DXB)',
		'2027-03-17 21:40',
		'Australia/Melbourne (UTC+11)',
		'2027-03-18 05:10',
		'Asia/Dubai (UTC+4)',
		'SARAH JANE WHITFIELD',
		'SKQ7X2',
		'Same ticket as row 1',
		'',
		'Included in row 1',
		'Paid with Visa 4111 1111 1111 1111 exp 08/29 CVV 123',
	],
	[
		'9',
		'Flight',
		'Skyline Air SK 17',
		'Dubai (DXB)',
		'Manchester (MAN)',
		'2027-03-18 08:30',
		'Asia/Dubai (UTC+4)',
		'2027-03-18 12:35',
		'Europe/London (UTC+0)',
		'SARAH JANE WHITFIELD',
		'SKQ7X2',
		'Same ticket as row 1',
		'',
		'Included in row 1',
		'Seat 30C',
	],
];

export const files: PracticeFile[] = [
	{ name: 'supplier-orders-whitfield.csv', build: () => Buffer.from(supplierOrders(), 'utf8') },
	{ name: 'travel-sheet-whitfield.csv', build: () => Buffer.from(toCsv(travel), 'utf8') },
];
