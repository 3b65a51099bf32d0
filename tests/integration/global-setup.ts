/**
 * Starts one production server with a throwaway database for all integration tests and hands its
 * address and database URL to them (`inject('baseUrl')`, `inject('databaseUrl')`).
 */
import type { TestProject } from 'vitest/node';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
let stopping = false;

export async function setup(project: TestProject) {
	server = await startServer();
	// A shared server that dies takes every later test with it: say why, once, where it shows.
	server.process.once('exit', (code, signal) => {
		if (stopping) return;
		console.error(
			`The integration test server exited (${code ?? signal}) while tests ran:\n${server?.output().slice(-4000)}`,
		);
	});
	project.provide('baseUrl', server.url);
	project.provide('databaseUrl', server.databaseUrl);
	project.provide('dataDir', server.dataDir);
}

export async function teardown() {
	stopping = true;
	await server?.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		databaseUrl: string;
		dataDir: string;
	}
}
