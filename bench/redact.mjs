// The report redactor (src/text/redact.ts) on hostile lines: long runs that would make a naive pattern
// quadratic (name characters with no `=`, a scheme with no `@`, unclosed quotes, escape openers). Each
// case is timed at 100 k and 1 M characters: linear work shows a ratio near 10. The baseline, measured in
// the same run, is the terminal sanitiser alone on the same text (the redactor's floor).
// Usage: node bench/redact.mjs (bundles the sources itself; no build needed)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from './roll-harness.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'buddy-bench-redact-'));
const { redactLine, sanitizeLine } = await loadEngine(
  dir,
  "export { redactLine } from './src/text/redact.ts'; export { sanitizeLine } from './src/text/sanitize.ts';",
);
rmSync(dir, { recursive: true, force: true });

const SECRETS = ['sk-ant-bench-0123456789', 'hunter2-bench'];
const cases = {
  'name characters, no =': (n) => 'a'.repeat(n),
  'dotted words': (n) => 'a.'.repeat(n / 2),
  'scheme, no @': (n) => `https://${'x'.repeat(n)}`,
  'many ://': (n) => 'a://'.repeat(n / 4),
  'unclosed quotes': (n) => 'a="'.repeat(n / 3),
  'escape openers': (n) => '\u001b]'.repeat(n / 2),
  'ordinary line, credentials': (n) => `https://alice:hunter2-bench@proxy/v1?token=t0k&key=sk-ant-bench-0123456789 `.repeat(n / 80),
};

/** Best of three after one warm-up run, in ms. */
function time(work) {
  work();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

console.log(`${'case'.padEnd(28)} ${'100k ms'.padStart(9)} ${'1M ms'.padStart(9)} ${'1M/100k'.padStart(8)} ${'sanitize 1M'.padStart(12)} ${'vs sanitize'.padStart(12)}`);
for (const [label, make] of Object.entries(cases)) {
  const small = make(100_000);
  const large = make(1_000_000);
  const smallMs = time(() => redactLine(small, SECRETS));
  const largeMs = time(() => redactLine(large, SECRETS));
  const floorMs = time(() => sanitizeLine(large, Number.POSITIVE_INFINITY));
  console.log(
    `${label.padEnd(28)} ${smallMs.toFixed(1).padStart(9)} ${largeMs.toFixed(1).padStart(9)} ${(largeMs / smallMs).toFixed(1).padStart(8)} ${floorMs.toFixed(1).padStart(12)} ${(largeMs / floorMs).toFixed(1).padStart(11)}x`,
  );
}
