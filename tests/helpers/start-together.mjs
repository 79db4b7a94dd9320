// Test-only preload (node --import) that lines processes up: with BUDDY_START_TOGETHER set, the process
// says it is ready on descriptor 3 (a pipe its parent made) and waits there until the parent answers, so
// every child started this way runs its command from the same moment, with Node already up. See
// startTogether() in tests/helpers/start-together.ts.
import fs from 'node:fs';

if (process.env.BUDDY_START_TOGETHER === '1') {
  fs.writeSync(3, 'r');
  const answer = Buffer.alloc(1);
  for (;;) {
    try {
      // One byte to go, or the end of the pipe (the parent is gone): either way, run.
      fs.readSync(3, answer, 0, 1, null);
      break;
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}
