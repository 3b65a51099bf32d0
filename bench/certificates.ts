/**
 * Certificates: PDF generation time (cold and warm, without the cache) in this process, then the
 * production server answering the verify page, the cached PDF, the signed credential and the
 * status list under load (autocannon, 50 connections, 10 s each, loopback).
 *
 * Cold = a fresh Node process: load the modules, read and parse the fonts, draw one certificate.
 * Warm = the same process drawing again (fonts parsed, nothing cached), p50 and p95 of 60 draws
 * rotating Bengali, Devanagari and Latin names.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { certificateTable, userTable } from '../db/schema.ts';
import { openDatabase } from '../db/client.ts';
import { renderCertificatePdf, type PdfCertificate } from '../src/lib/server/certificates/pdf.ts';
import { ensureBuild, load, percentile, printTable, root, startServer } from './lib.ts';

const SITE = 'https://learn.example.org';
const NAMES = ['রহিমা খাতুন', 'प्रिया शर्मा', 'Zoë Ñúñez-Khan'];
const sample = (learnerName: string): PdfCertificate => ({
	id: 'abcdefghijklmnopqrstuvwxyz234567',
	learnerName,
	courseTitle: 'Excel for virtual assistants: clean data, formulas and client reports',
	courseVersion: '2026.1',
	hours: 12,
	skills: ['Data cleaning', 'Formulas', 'Pivot tables', 'Charts', 'Client reports'],
	issuedAt: new Date('2026-11-23T10:00:00Z'),
	revokedAt: null,
	supersededBy: null,
});

// Cold: a fresh process per name script.
const coldRows: Record<string, string | number>[] = [];
for (const name of NAMES) {
	const script = `const t0 = performance.now();
const { renderCertificatePdf } = await import(${JSON.stringify(join(root, 'src/lib/server/certificates/pdf.ts'))});
const t1 = performance.now();
const cert = ${JSON.stringify(sample(name))};
const pdf = await renderCertificatePdf({ ...cert, issuedAt: new Date(cert.issuedAt) }, ${JSON.stringify(SITE)});
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, draw: t2 - t1, bytes: pdf.length }));`;
	const out = JSON.parse(
		execFileSync(process.execPath, ['--input-type=module', '-e', script], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	coldRows.push({
		name,
		'module load ms': out.load.toFixed(0),
		'first PDF ms (fonts parsed)': out.draw.toFixed(0),
		bytes: out.bytes,
	});
}
printTable('PDF generation, cold (fresh process)', coldRows);

// Warm: this process, no cache.
for (const name of NAMES) await renderCertificatePdf(sample(name), SITE);
const times: number[] = [];
for (let i = 0; i < 60; i++) {
	const started = performance.now();
	await renderCertificatePdf(sample(NAMES[i % NAMES.length]!), SITE);
	times.push(performance.now() - started);
}
printTable('PDF generation, warm (no cache), 60 draws', [
	{
		'p50 ms': percentile(times, 50).toFixed(1),
		'p95 ms': percentile(times, 95).toFixed(1),
		'max ms': Math.max(...times).toFixed(1),
	},
]);

// The server.
ensureBuild();
const server = await startServer();
const rows: Record<string, string | number>[] = [];
try {
	const { db, close } = await openDatabase({ url: server.databaseUrl });
	await db.insert(userTable).values({
		id: 'benchlearner00000000000a',
		email: 'bench@example.org',
		name: NAMES[0]!,
		passwordHash: 'x',
	});
	const id = 'benchbenchbenchbenchbenchbench22';
	await db.insert(certificateTable).values({
		...sample(NAMES[0]!),
		id,
		userId: 'benchlearner00000000000a',
		courseSlug: 'excel',
		issuer: `Dakshata (${server.url})`,
		statusIndex: 0,
	});
	close();

	const first = performance.now();
	await (await fetch(`${server.url}/verify/${id}.pdf`)).arrayBuffer();
	const firstMs = performance.now() - first;
	const cached: number[] = [];
	for (let i = 0; i < 50; i++) {
		const started = performance.now();
		await (await fetch(`${server.url}/verify/${id}.pdf`)).arrayBuffer();
		cached.push(performance.now() - started);
	}
	printTable('PDF over HTTP, one at a time', [
		{
			'first request ms (server cold)': firstMs.toFixed(0),
			'cached p50 ms': percentile(cached, 50).toFixed(1),
			'cached p99 ms': percentile(cached, 99).toFixed(1),
		},
	]);

	for (const [label, path] of [
		['verify page', `/verify/${id}`],
		['verify page (Bengali)', `/bn/verify/${id}`],
		['PDF (cached)', `/verify/${id}.pdf`],
		['signed credential', `/verify/${id}.json`],
		['status list', '/credentials/status/1'],
	] as const) {
		const r = await load({ url: server.url + path });
		rows.push({
			endpoint: label,
			'req/s': r.requestsPerSecond,
			'p50 ms': r.p50,
			'p99 ms': r.p99,
			errors: r.errors + r.non2xx,
		});
	}
} finally {
	await server.stop();
}
printTable('Under load: 50 connections, 10 s each, loopback', rows);
