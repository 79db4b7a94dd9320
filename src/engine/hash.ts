// Step 1 of roll v1: the idHash is the lowercase hex SHA-256 of the user ID's UTF-8 bytes.
import { createHash } from 'node:crypto';

export function hashUserId(userId: string): string {
  return createHash('sha256').update(userId, 'utf8').digest('hex');
}
