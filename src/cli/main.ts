#!/usr/bin/env node
// The `buddy` executable: wire the real process to the dispatcher.
import { main } from './dispatch.js';
import type { CliIo } from './io.js';

const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
// Closed pipes (`buddy roll --batch | head`) are normal endings, not crashes.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});
const code = await main(process.argv.slice(2), io);
process.exitCode = code;
