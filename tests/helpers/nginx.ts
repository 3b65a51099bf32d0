/**
 * Runs Debian's nginx as a TLS-terminating reverse proxy in front of a test server, with the
 * configuration block from the README (so the documented set-up is the tested one), a throwaway
 * self-signed certificate made by openssl, and every path in a temp folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort, root } from './server.ts';

export interface TestProxy {
	/** The public https origin, e.g. https://localhost:40123. */
	url: string;
	port: number;
	stop: () => Promise<void>;
	errorLog: () => string;
}

/** The README's nginx block (the first ```nginx fence). */
export function readReadmeNginxConfig(): string {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
	if (!block) throw new Error('README.md has no ```nginx block');
	return block;
}

/** Replaces `from` in `text`, failing loudly when the README no longer contains it. */
function replaceOnce(text: string, from: string, to: string): string {
	if (!text.includes(from)) throw new Error(`README nginx block no longer contains "${from}"`);
	return text.split(from).join(to);
}

/** Starts nginx on a free loopback port, proxying to `upstream` (http://127.0.0.1:<port>). */
export async function startNginx(upstream: string, port?: number): Promise<TestProxy> {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-nginx-'));
	chmodSync(dir, 0o755);
	const cert = join(dir, 'cert.pem');
	const key = join(dir, 'key.pem');
	const made = spawnSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=DNS:localhost,IP:127.0.0.1',
			'-keyout',
			key,
			'-out',
			cert,
		],
		{ encoding: 'utf8' },
	);
	if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
	const listen = port ?? (await getFreePort());
	let site = readReadmeNginxConfig();
	site = replaceOnce(site, 'server 127.0.0.1:4321;', `server ${new URL(upstream).host};`);
	site = replaceOnce(site, 'listen 443 ssl;', `listen 127.0.0.1:${listen} ssl;`);
	site = replaceOnce(site, 'server_name learn.example.org;', 'server_name localhost;');
	site = replaceOnce(site, '/etc/letsencrypt/live/learn.example.org/fullchain.pem', cert);
	site = replaceOnce(site, '/etc/letsencrypt/live/learn.example.org/privkey.pem', key);
	const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
	const config = `daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
	access_log off;
	${temp('client_body')}
	${temp('proxy')}
	${temp('fastcgi')}
	${temp('uwsgi')}
	${temp('scgi')}
${site}
}
`;
	const file = join(dir, 'nginx.conf');
	writeFileSync(file, config);
	const child = spawn('nginx', ['-c', file, '-p', dir, '-e', join(dir, 'error.log')], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const errorLog = () => {
		try {
			return readFileSync(join(dir, 'error.log'), 'utf8');
		} catch {
			return '';
		}
	};
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`nginx exited with ${child.exitCode}:\n${output}\n${errorLog()}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect({ host: '127.0.0.1', port: listen }, () => {
				socket.destroy();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) break;
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`nginx did not listen within 15 s:\n${output}\n${errorLog()}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url: `https://localhost:${listen}`,
		port: listen,
		errorLog,
		stop: async () => {
			if (child.exitCode !== null) return;
			child.kill('SIGQUIT');
			await exited;
		},
	};
}
