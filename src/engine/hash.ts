// Step 1 of roll v1: the idHash is the lowercase hex SHA-256 of the user ID's UTF-8 bytes.
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');

// node:crypto is loaded on first use, not at import: the statusline usually draws a stored buddy and
// never hashes, and loading OpenSSL costs it ~7 ms on every host refresh.
let crypto: Crypto | undefined;

export function hashUserId(userId: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  // crypto.hash (Node 20.12+) is the one-shot form: no Hash object per ID, which matters for batch rolls.
  const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
  return oneShot ? oneShot('sha256', userId, 'hex') : crypto.createHash('sha256').update(userId, 'utf8').digest('hex');
}
