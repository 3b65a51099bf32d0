/** Direct access to the throwaway test database, for assertions the HTTP surface cannot show. */
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';

let handle: DatabaseHandle | undefined;

export async function getTestDb(databaseUrl: string) {
	handle ??= await openDatabase({ url: databaseUrl });
	return handle;
}
