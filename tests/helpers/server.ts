/**
 * Starts the production build (`scripts/serve.ts`) on a free loopback port with a throwaway data
 * folder and database, for integration and end-to-end tests. Requires `npm run build` first.
 */
import './fetch-pool.ts';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestServer {
	url: string;
	dataDir: string;
	databaseUrl: string;
	output: () => string;
	stop: () => Promise<void>;
	process: ChildProcess;
}

export const root = join(import.meta.dirname, '..', '..');
export const nodeBin = process.execPath;

export async function getFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

export async function startServer(
	options: {
		env?: Record<string, string>;
		dataDir?: string;
		spawnOptions?: SpawnOptions;
		/** Listen on this port (e.g. to restart a server at the same address); default: a free one. */
		port?: number;
	} = {},
): Promise<TestServer> {
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dakshata-test-'));
	const port = options.port ?? (await getFreePort());
	const url = `http://127.0.0.1:${port}`;
	const databaseUrl = `file:${join(dataDir, 'test.db')}`;
	let output = '';
	const child = spawn(nodeBin, [join(root, 'scripts', 'serve.ts')], {
		cwd: root,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			SITE_URL: url,
			DATA_DIR: dataDir,
			DATABASE_URL: databaseUrl,
			LOG_LEVEL: 'warn',
			// Every test signs up from 127.0.0.1; the sign-up throttle has its own test.
			SIGNUP_LIMIT: '100000',
			...options.env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		...options.spawnOptions,
	});
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code)),
	);
	const deadline = Date.now() + 90_000;
	for (;;) {
		const status = await Promise.race([
			exited.then((c) => ({ exited: c })),
			new Promise((r) => setTimeout(r, 100)),
		]);
		if (status && typeof status === 'object' && 'exited' in status) {
			throw new Error(`Server exited with ${status.exited} before answering:\n${output}`);
		}
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`Server did not answer within 90 s:\n${output}`);
		}
	}
	return {
		url,
		dataDir,
		databaseUrl,
		output: () => output,
		process: child,
		stop: async () => {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await exited;
		},
	};
}
