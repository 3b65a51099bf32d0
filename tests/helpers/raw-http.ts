/**
 * Sends bytes to a server exactly as given (no client-side URL or header validation, which fetch
 * and node:http apply) and reads back the status line, for malformed-request tests.
 */
import { connect } from 'node:net';

export interface RawResponse {
	/** 0 when the server closed the connection without an HTTP answer. */
	status: number;
	head: string;
	body: string;
}

/** Sends `request` (a whole HTTP/1.1 message, or its start) and resolves with the answer. */
export function sendRaw(
	base: string,
	request: string | Buffer,
	timeoutMs = 10_000,
): Promise<RawResponse> {
	const { hostname, port } = new URL(base);
	return new Promise((resolve, reject) => {
		const socket = connect({ host: hostname, port: Number(port) });
		const chunks: Buffer[] = [];
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`no answer within ${timeoutMs} ms to ${String(request).slice(0, 80)}`));
		}, timeoutMs);
		let idle: NodeJS.Timeout | undefined;
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			clearTimeout(idle);
			socket.destroy();
			const text = Buffer.concat(chunks).toString('latin1');
			const [head = '', body = ''] = text.split('\r\n\r\n', 2);
			const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
			resolve({ status, head, body: Buffer.from(body, 'latin1').toString('utf8') });
		};
		socket.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			// A kept-alive connection never ends: once a whole head has arrived, stop after a quiet spell.
			if (Buffer.concat(chunks).includes('\r\n\r\n')) {
				clearTimeout(idle);
				idle = setTimeout(finish, 300);
			}
		});
		socket.on('end', finish);
		socket.on('error', () => finish());
		socket.on('connect', () => socket.write(request));
	});
}
