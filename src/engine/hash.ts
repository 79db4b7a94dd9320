// Step 1 of roll v1: the idHash is the lowercase hex SHA-256 of the user ID's UTF-8 bytes.
import crypto from 'node:crypto';

// crypto.hash (Node 20.12+) is the one-shot form: no Hash object per ID, which matters for batch rolls.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function hashUserId(userId: string): string {
  return oneShot ? oneShot('sha256', userId, 'hex') : crypto.createHash('sha256').update(userId, 'utf8').digest('hex');
}
