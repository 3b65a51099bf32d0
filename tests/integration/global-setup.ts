/**
 * Starts one production server with a throwaway database for all integration tests and hands its
 * address and database URL to them (`inject('baseUrl')`, `inject('databaseUrl')`).
 */
import type { TestProject } from 'vitest/node';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;

export async function setup(project: TestProject) {
	server = await startServer();
	project.provide('baseUrl', server.url);
	project.provide('databaseUrl', server.databaseUrl);
	project.provide('dataDir', server.dataDir);
}

export async function teardown() {
	await server?.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		databaseUrl: string;
		dataDir: string;
	}
}
