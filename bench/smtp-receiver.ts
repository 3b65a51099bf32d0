/**
 * A local SMTP receiver in a process of its own, for the mail benchmark: receiving is the mail
 * server's work, not the app's, and in the benchmark's own process it slowed the load generator
 * whenever mail arrived (which counted against requests that queue mail). Prints its URL as one
 * JSON line, answers "count" on stdin with the number of messages accepted, and exits when stdin
 * closes.
 */
import { createInterface } from 'node:readline';
import { SmtpReceiver } from '../tests/helpers/smtp.ts';

const receiver = await SmtpReceiver.create({ parse: false });
await receiver.start();
console.log(JSON.stringify({ url: receiver.url }));
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
	if (line.trim() === 'count') console.log(JSON.stringify({ accepted: receiver.accepted }));
});
lines.on('close', () => {
	void receiver.stop().then(() => process.exit(0));
});
