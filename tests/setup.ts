// One harness for every test: React act() environment, pinned colour, no CI/NO_COLOR leaking in.
import { daytimeZone } from './helpers/cli.js';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
process.env.FORCE_COLOR = '0';
delete process.env.NO_COLOR;
delete process.env.CI;
// The same daytime zone as the spawned CLI's sandbox (tests/helpers/cli.ts), so what a test expects in
// process and what the built CLI draws go by the same local hour, whenever the suite runs.
process.env.TZ = daytimeZone();
