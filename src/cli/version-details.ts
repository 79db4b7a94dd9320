// `buddy --version --verbose`: the version on the first line as plain `--version` gives it (scripts read
// it), then where this copy runs from, whether a host setup pointing there lasts, and the Node running it.
import { buddyCopyAt } from '../installers/copies.js';
import { isStable, kindName, whyUnstable } from '../installers/location.js';
import { writeLine, type CliIo } from './io.js';
import { lastingCopyHint } from './stable-path.js';
import { VERSION } from './version.js';

export function writeVersionDetails(io: CliIo, script: string | undefined): void {
  writeLine(io.stdout, VERSION);
  if (script === undefined) {
    writeLine(io.stdout, 'runs from  (cannot tell)');
  } else {
    const { script: real, location } = buddyCopyAt(script, io.env, VERSION);
    writeLine(io.stdout, `runs from  ${real}`);
    writeLine(
      io.stdout,
      isStable(location)
        ? `location   ${kindName(location)} (${location.root}): host setups pointing here keep working`
        : `location   ${whyUnstable(location)}: buddy install refuses to point host setups here (${lastingCopyHint()})`,
    );
  }
  writeLine(io.stdout, `node       ${process.version} (${process.execPath})`);
}
