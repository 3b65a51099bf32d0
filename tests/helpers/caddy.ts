/**
 * Runs Debian's Caddy as a TLS-terminating reverse proxy in front of a test server, with the
 * Caddyfile block from the README (so the documented set-up is the tested one). Caddy issues the
 * certificate from its own internal CA for `localhost`; its admin API is off and its storage, config
 * and home are in a temp folder, and it never touches the system trust store.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './server.ts';
import type { TestProxy } from './nginx.ts';

/** The README's Caddyfile block (the first ```caddy fence). */
export function readReadmeCaddyfile(): string {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const block = /```caddy\n([\s\S]*?)```/.exec(readme)?.[1];
	if (!block) throw new Error('README.md has no ```caddy block');
	return block;
}

function replaceOnce(text: string, from: string, to: string): string {
	if (!text.includes(from)) throw new Error(`README Caddyfile block no longer contains "${from}"`);
	return text.split(from).join(to);
}

/** Starts Caddy on `port` (loopback), proxying to `upstream` (http://127.0.0.1:<port>). */
export async function startCaddy(
	upstream: string,
	port: number,
	httpPort: number,
): Promise<TestProxy> {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-caddy-'));
	let site = readReadmeCaddyfile();
	site = replaceOnce(site, 'learn.example.org {', `localhost:${port} {`);
	site = replaceOnce(
		site,
		'reverse_proxy 127.0.0.1:4321',
		`reverse_proxy ${new URL(upstream).host}`,
	);
	const config = `{
	admin off
	skip_install_trust
	auto_https disable_redirects
	http_port ${httpPort}
	default_bind 127.0.0.1
	storage file_system {
		root ${join(dir, 'data')}
	}
}

${site}`;
	const file = join(dir, 'Caddyfile');
	writeFileSync(file, config);
	const env = {
		...process.env,
		HOME: dir,
		XDG_DATA_HOME: join(dir, 'xdg-data'),
		XDG_CONFIG_HOME: join(dir, 'xdg-config'),
	};
	const child = spawn('caddy', ['run', '--config', file, '--adapter', 'caddyfile'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`caddy exited with ${child.exitCode}:\n${output}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect({ host: '127.0.0.1', port }, () => {
				socket.destroy();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) break;
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`caddy did not listen within 30 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url: `https://localhost:${port}`,
		port,
		errorLog: () =>
			output
				.split('\n')
				.filter((line) => /"level":"(error|fatal|panic)"/.test(line))
				.join('\n'),
		stop: async () => {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await exited;
		},
	};
}
