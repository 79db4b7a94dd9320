// `npm test`'s static checks, ESLint (`npm run lint`) and the type check (`npm run typecheck`), at the same
// time: each keeps one core busy and neither needs the other. What each says is printed whole once it has
// finished, so the two never interleave; the exit status is non-zero when either failed.
import { spawn } from 'node:child_process';

const CHECKS = ['lint', 'typecheck'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runCheck(name) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ name, ok: false, output: Buffer.from(`${error.message}\n`) }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output: Buffer.concat(output) }));
  });
}

const results = await Promise.all(CHECKS.map(runCheck));
for (const { name, ok, output } of results) {
  process.stdout.write(`${ok ? '✓' : '✗'} ${name}\n`);
  if (output.length > 0) process.stdout.write(output);
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
