// Builds the bundle once before the suite, so end-to-end tests always run what users would run.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.BUDDY_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
