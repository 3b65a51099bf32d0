/** Starts the production server with a throwaway database for the end-to-end run. */
import { startServer } from '../helpers/server.ts';

export default async function globalSetup() {
	const server = await startServer();
	process.env.E2E_BASE_URL = server.url;
	process.env.E2E_DATA_DIR = server.dataDir;
	process.env.E2E_DATABASE_URL = server.databaseUrl;
	return async () => {
		await server.stop();
	};
}
