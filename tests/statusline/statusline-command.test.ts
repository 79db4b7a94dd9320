// `buddy statusline` in process, through the dispatcher the built bin runs: fed Claude Code's statusLine
// payload, drawn in every layout and format, and kept alive against everything a host (or a broken disk)
// can throw at it on a stdin that closes. The cases are tests/helpers/statusline-command-cases.ts; a stdin
// that never closes, and the bin and the installed command under each shell, are
// tests/e2e/statusline-cli.test.ts.
import { hatchedSandboxes } from '../helpers/cli.js';
import { STATUSLINE_USER_ID, statuslineCommandCases } from '../helpers/statusline-command-cases.js';
import { IN_PROCESS_RUNNER } from '../helpers/statusline-in-process.js';

const hatchedSandbox = hatchedSandboxes(STATUSLINE_USER_ID);

statuslineCommandCases(IN_PROCESS_RUNNER, ['compact', 'layouts', 'copes', 'payload', 'flood'], () => hatchedSandbox());
