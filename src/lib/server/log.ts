/**
 * The one structured logger (JSON lines on stdout, via pino). Request-scoped loggers carry the
 * request id. Known secret-bearing fields are redacted wherever they appear.
 */
import pino from 'pino';

export const log = pino({
	level: process.env.LOG_LEVEL || 'info',
	base: { service: 'dakshata' },
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
});

export type Logger = typeof log;
