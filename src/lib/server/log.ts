/**
 * The one structured logger (JSON lines on stdout, via pino). Request-scoped loggers carry the
 * request id. Two properties hold by construction:
 *
 * - **No values in error logs.** Errors are serialised as their type, code, and stack frames: never
 *   their message, which for a failed query embeds the SQL parameters (a password hash, an e-mail
 *   address). The request id in the same line, and the `X-Request-Id` the client got, tie the two.
 *   Known secret-bearing fields are redacted wherever they appear as well.
 * - **A full disk cannot wedge the server.** pino's default destination retries a failed write
 *   forever (ENOSPC on a full disk stops the event loop). Lines are written synchronously and,
 *   when stdout refuses them, dropped and counted; a full pipe gets a short bounded wait first.
 */
import { writeSync } from 'node:fs';
import pino from 'pino';

/** How many log lines could not be written (stdout refused them). */
let droppedLines = 0;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes one line to stdout, or drops it; never throws, never waits more than ~50 ms. */
function writeLine(line: string) {
	let buffer = Buffer.from(line);
	for (let attempt = 0; buffer.length > 0; attempt++) {
		try {
			buffer = buffer.subarray(writeSync(1, buffer));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if ((code === 'EAGAIN' || code === 'EINTR') && attempt < 50) {
				Atomics.wait(pause, 0, 0, 1);
				continue;
			}
			droppedLines++;
			return;
		}
	}
}

/** The number of log lines dropped so far (for tests and the health report). */
export function getDroppedLogLines(): number {
	return droppedLines;
}

interface SerializedError {
	type: string;
	code?: string | number;
	stack?: string[];
	cause?: SerializedError;
}

/** An error without its message: type, code and the stack's frames (file and line, no values). */
export function serializeError(error: unknown, depth = 0): SerializedError {
	if (!(error instanceof Error)) return { type: typeof error };
	const code = (error as { code?: unknown }).code;
	const out: SerializedError = { type: error.name || error.constructor?.name || 'Error' };
	if (typeof code === 'string' || typeof code === 'number') out.code = code;
	const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
	if (frames.length > 0) out.stack = frames.slice(0, 12).map((line) => line.trim());
	if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
	return out;
}

export const log = pino(
	{
		level: process.env.LOG_LEVEL || 'info',
		base: { service: 'dakshata' },
		serializers: {
			err: (error: unknown) => serializeError(error),
			error: (error: unknown) => serializeError(error),
		},
		redact: {
			paths: [
				'password',
				'*.password',
				'token',
				'*.token',
				'headers.cookie',
				'headers.authorization',
				'*.headers.cookie',
				'*.headers.authorization',
				'smtpUrl',
				'authToken',
			],
			censor: '[redacted]',
		},
	},
	{ write: writeLine },
);

export type Logger = typeof log;
