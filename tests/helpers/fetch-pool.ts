/**
 * The HTTP client pool every test's `fetch` uses, with an idle keep-alive timeout far below the
 * server's.
 *
 * Why: Node's fetch (undici) keeps idle sockets for the time the server advertises in its
 * `Keep-Alive: timeout=N` header, minus a small margin, counted from when the client *processed*
 * the response. The server counts from when it *sent* it. On a loaded machine the client can be
 * more than that margin late, and then reuses a socket the server is closing at that very moment:
 * the request fails with "fetch failed: other side closed" (a flaky test, typically a POST, which
 * fetch may not retry). Capping the client's idle time at 1 s, against the server's 75 s
 * (scripts/serve.ts), leaves a 74 s margin instead of one.
 */
import { Agent, setGlobalDispatcher } from 'undici';

/** The longest a test client keeps an idle connection. */
export const CLIENT_KEEP_ALIVE_MS = 1000;

setGlobalDispatcher(
	new Agent({ keepAliveTimeout: CLIENT_KEEP_ALIVE_MS, keepAliveMaxTimeout: CLIENT_KEEP_ALIVE_MS }),
);
