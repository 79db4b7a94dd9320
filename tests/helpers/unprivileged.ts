// Running the built CLI as a user who is not root: root reads any file, so as root (as in CI) a test of
// "cannot read" hands its sandbox to `nobody` and runs a copy of the bin from inside it.
import fs from 'node:fs';
import path from 'node:path';
import { BIN } from './cli.js';

export interface Unprivileged {
  readonly uid: number;
  readonly gid: number;
  readonly binPath: string;
  readonly cwd: string;
}

/** The user and group IDs of `nobody` from /etc/passwd (65534 where it is not listed). */
export function nobodyIds(): { uid: number; gid: number } {
  const entry = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('nobody:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  return { uid: Number(uid ?? 65_534), gid: Number(gid ?? 65_534) };
}

/**
 * Makes everything under `dir` nobody's and puts a copy of the built bin in it, so that nobody can run it
 * whatever the permissions of the checkout. Undefined when not root: then the test runs as itself, and a
 * mode of 000 already keeps it out.
 */
export function handToNobody(dir: string): Unprivileged | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const { uid, gid } = nobodyIds();
  const binDir = path.join(dir, 'dist');
  fs.cpSync(path.dirname(BIN), binDir, { recursive: true });
  const chownTree = (target: string): void => {
    fs.lchownSync(target, uid, gid);
    if (fs.lstatSync(target).isDirectory()) for (const entry of fs.readdirSync(target)) chownTree(path.join(target, entry));
  };
  chownTree(dir);
  fs.chmodSync(dir, 0o755);
  return { uid, gid, binPath: path.join(binDir, path.basename(BIN)), cwd: dir };
}
