// Copies of Buddy as npm lays them out (the built dist/ beside a package.json of its own), and a byte-for-byte
// picture of a sandbox to prove a refusal wrote nothing. Shared by tests/installers/install-stable-path.test.ts
// and tests/e2e/install-stable-path.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { BIN } from './cli.js';

export const { version: VERSION } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** The built dist/ copied to `root`, with a package.json saying `version`: a copy of Buddy as npm lays it out. */
export function copyOfBuddy(root: string, version: string): string {
  fs.cpSync(path.dirname(BIN), path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'buddy-terminal-pet', version }));
  return path.join(fs.realpathSync(root), 'dist', 'buddy.js');
}

/** Every file under `dir` but Buddy's cache (the compiled code it keeps), with its bytes. */
export function snapshotOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    if (name === 'cache' || name.startsWith(`cache${path.sep}`) || !fs.lstatSync(file).isFile()) continue;
    files.set(name, fs.readFileSync(file).toString('base64'));
  }
  return files;
}
