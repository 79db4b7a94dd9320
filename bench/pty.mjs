// Runs a command inside a real pseudo-terminal (util-linux `script`), for benchmarks of the TTY pet.
import { spawn } from 'node:child_process';

export function spawnInPty(command, env) {
  // A new pty has no size; give it a usual one so the app lays out as in a real terminal.
  return spawn('script', ['-qfec', `stty cols 100 rows 30; ${command}`, '/dev/null'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
}

/**
 * Milliseconds from spawn until `marker` appears in the output (in its text, or in the raw bytes when
 * `raw` is set); then the process is killed. A plain string is a text marker.
 */
export function timeToMarker(command, target, env) {
  const { marker, raw = false } = typeof target === 'string' ? { marker: target } : target;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawnInPty(command, env);
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no '${marker}' within 20 s; output: ${output.slice(-300)}`));
    }, 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      // Terminal output is styled cell by cell: compare the text without escape sequences.
      // eslint-disable-next-line no-control-regex
      const seen = raw ? output : output.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '');
      if (seen.includes(marker)) {
        const elapsed = performance.now() - started;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(elapsed);
      }
    });
  });
}

export function timeToExit(command, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawnInPty(command, env);
    child.stdout.resume();
    child.on('close', () => resolve(performance.now() - started));
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
