/**
 * Scenario 1: the home page and the catalogue served by the production server, side by side with
 * a plain node:http server returning the same bytes (the ceiling), 50 connections for 10 s each.
 */
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, getFreePort, load, printTable, startServer } from './lib.ts';

ensureBuild();
const server = await startServer();
const rows: Record<string, string | number>[] = [];
try {
	for (const path of ['/', '/courses']) {
		const body = Buffer.from(await (await fetch(server.url + path)).arrayBuffer());
		const app = await load({ url: server.url + path });
		// The ceiling: a bare node:http server in its own process answering the same bytes.
		const dir = mkdtempSync(join(tmpdir(), 'ceiling-'));
		writeFileSync(join(dir, 'body.html'), body);
		const port = await getFreePort();
		const ceiling = spawn(process.execPath, ['-e', `const b=require('fs').readFileSync(${JSON.stringify(join(dir, 'body.html'))});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':b.length});s.end(b)}).listen(${port},'127.0.0.1')`]);
		await new Promise((r) => setTimeout(r, 500));
		const plain = await load({ url: `http://127.0.0.1:${port}/` });
		ceiling.kill();
		rows.push(
			{ page: path, server: 'Dakshata (SSR)', 'req/s': app.requestsPerSecond, 'p50 ms': app.p50, 'p99 ms': app.p99, bytes: body.length, errors: app.errors + app.non2xx },
			{ page: path, server: 'node:http, same bytes', 'req/s': plain.requestsPerSecond, 'p50 ms': plain.p50, 'p99 ms': plain.p99, bytes: body.length, errors: plain.errors + plain.non2xx },
			{ page: path, server: 'ratio Dakshata / ceiling', 'req/s': (app.requestsPerSecond / plain.requestsPerSecond).toFixed(3), 'p50 ms': '', 'p99 ms': '', bytes: '', errors: '' },
		);
	}
} finally {
	await server.stop();
}
printTable('Home page and catalogue: 50 connections, 10 s each, loopback', rows);
