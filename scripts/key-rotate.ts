/**
 * `npm run key:rotate`: replaces the certificate signing key and keeps the old public key published.
 *
 * With the key file (no SIGNING_KEY): the current key's public half goes to
 * DATA_DIR/keys/retired/, a new key replaces DATA_DIR/keys/signing-key.pem, and the did:web
 * document lists both after a restart, so every credential already issued still verifies.
 * With SIGNING_KEY set: the current key's public half is retired the same way and a new key is
 * printed for you to put into SIGNING_KEY (on every server) before restarting.
 * Reads DATA_DIR and SIGNING_KEY from the environment or .env, like the server.
 */
import { generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';
import {
	describePublicKey,
	retirePublicKey,
	rotateKeyFile,
} from '../src/lib/credentials/signing-key-files.ts';
import { parseSigningKeyValue } from '../src/lib/credentials/signing-key-value.ts';
import { loadScriptEnv } from './db-files.ts';

const root = loadScriptEnv();
const keysDir = resolve(root, process.env.DATA_DIR || 'data', 'keys');

if (process.env.SIGNING_KEY) {
	const old = parseSigningKeyValue(process.env.SIGNING_KEY);
	const file = retirePublicKey(keysDir, old);
	const { privateKey } = generateKeyPairSync('ed25519');
	const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
	console.log(`Retired the public key ${describePublicKey(old).thumbprint} into ${file}.`);
	console.log('Put this new key into SIGNING_KEY on every server, then restart them:\n');
	console.log(pem);
	console.log(
		`Back up ${resolve(keysDir, 'retired')} (and copy it to every server's DATA_DIR/keys):`,
	);
	console.log(
		'without the retired public keys, credentials signed with the old key stop verifying.',
	);
} else {
	const { retired, current } = rotateKeyFile(keysDir);
	console.log(
		retired
			? `Retired key ${retired}; its public key stays published from ${resolve(keysDir, 'retired')}.`
			: 'There was no signing key yet.',
	);
	console.log(`New signing key ${current} in ${resolve(keysDir, 'signing-key.pem')}.`);
	console.log('Restart the server to sign with it. Back up the whole keys folder:');
	console.log(
		'  signing-key.pem (secret: it signs) and retired/ (public: old credentials verify with it).',
	);
}
