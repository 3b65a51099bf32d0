/**
 * A real SMTP receiver for tests (the `smtp-server` package, by nodemailer's authors), with every
 * accepted message parsed by `mailparser`. Its answer to DATA can be switched to a temporary (4xx)
 * or permanent (5xx) refusal, and it can be stopped and started again on the same port to play an
 * outage.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { getFreePort } from './server.ts';

export type ReceiverMode = 'accept' | 'tempfail-once' | 'tempfail' | 'reject';

export interface ReceivedMail {
	parsed: ParsedMail;
	raw: string;
	envelopeTo: string[];
}

export class SmtpReceiver {
	readonly port: number;
	readonly user = 'mailer';
	readonly password = 'smtp-test-secret';
	received: ReceivedMail[] = [];
	/** Every DATA attempt, accepted or refused. */
	attempts = 0;
	mode: ReceiverMode = 'accept';
	private server: SMTPServer | undefined;

	/** Parse each accepted message (off for benchmarks, which only count). */
	private readonly parse: boolean;

	private constructor(port: number, parse: boolean) {
		this.port = port;
		this.parse = parse;
	}

	/** A receiver on a free port, not yet listening. */
	static async create(options: { parse?: boolean } = {}): Promise<SmtpReceiver> {
		return new SmtpReceiver(await getFreePort(), options.parse ?? true);
	}

	/** How many messages were accepted. */
	accepted = 0;

	/** `smtp://user:password@127.0.0.1:port`: authentication in the URL, as operators configure it. */
	get url(): string {
		return `smtp://${this.user}:${this.password}@127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		this.server = new SMTPServer({
			disabledCommands: ['STARTTLS'],
			allowInsecureAuth: true,
			authMethods: ['PLAIN', 'LOGIN'],
			logger: false,
			closeTimeout: 200,
			onAuth: (auth, _session, callback) => {
				if (auth.username === this.user && auth.password === this.password)
					callback(null, { user: auth.username });
				else callback(new Error('Invalid username or password'));
			},
			onData: (stream, session, callback) => {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => {
					this.attempts++;
					const refuse = (code: number, message: string) =>
						callback(Object.assign(new Error(message), { responseCode: code }));
					if (this.mode === 'reject') return refuse(550, '5.1.1 Mailbox unavailable');
					if (this.mode === 'tempfail') return refuse(451, '4.3.0 Try again later');
					if (this.mode === 'tempfail-once') {
						this.mode = 'accept';
						return refuse(451, '4.3.0 Try again later');
					}
					this.accepted++;
					if (!this.parse) return callback();
					const raw = Buffer.concat(chunks).toString('utf8');
					const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
					void simpleParser(raw).then((parsed) => this.received.push({ parsed, raw, envelopeTo }));
					callback();
				});
			},
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(this.port, '127.0.0.1', () => {
				this.server!.off('error', reject);
				// A client that drops its connection (a stopped app server's SMTP pool: ECONNRESET) is
				// not the receiver's failure; unhandled, the error would end the test or bench process.
				this.server!.on('error', () => {});
				resolve();
			});
		});
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Messages received for `to`. */
	for(to: string): ReceivedMail[] {
		return this.received.filter((m) => m.envelopeTo.includes(to));
	}

	/** Waits until `predicate` holds (polling), or fails after `timeoutMs`. */
	async waitFor(predicate: () => boolean, timeoutMs = 15_000, what = 'mail'): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!predicate()) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 50));
		}
	}
}
