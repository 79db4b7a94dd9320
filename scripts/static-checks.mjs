// `npm test`: ESLint (`npm run lint`), the type check (`npm run typecheck`) and, with `--and-tests`, Vitest,
// all at the same time. Each static check keeps about one core busy, needs nothing from the others, and
// fills the gaps Vitest leaves (its start, the build, the files that run alone at the end). Vitest's
// output streams as it runs; what each static check says is printed whole once everything has finished,
// so nothing interleaves. The exit status is non-zero when any of them failed.
import { spawn } from 'node:child_process';

const STATIC_CHECKS = ['lint', 'typecheck'];
const withTests = process.argv.includes('--and-tests');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const shell = process.platform === 'win32';

function runCheck(name) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ name, ok: false, output: Buffer.from(`${error.message}\n`) }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output: Buffer.concat(output) }));
  });
}

function runTests() {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', 'test:unit'], { stdio: 'inherit', shell });
    child.on('error', (error) => resolve({ name: 'tests', ok: false, output: Buffer.from(`${error.message}\n`) }));
    child.on('close', (code) => resolve({ name: 'tests', ok: code === 0, output: Buffer.alloc(0) }));
  });
}

const results = await Promise.all([...STATIC_CHECKS.map(runCheck), ...(withTests ? [runTests()] : [])]);
for (const { name, ok, output } of results) {
  process.stdout.write(`${ok ? '✓' : '✗'} ${name}\n`);
  if (output.length > 0) process.stdout.write(output);
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
