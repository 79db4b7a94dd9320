// A host's config file as Buddy reads and writes it (Claude Code's settings, Codex's config.toml, Gemini
// CLI's settings.json): read through a symlink to the file it points at, so the link stays a link;
// a missing file is no error; its mode is kept when it is written again.
import fs from 'node:fs';

export class SettingsFileError extends Error {}

/** The file as found: where to write (a symlink's target) and the text, or null when there is none. */
export interface SettingsOnDisk {
  readonly target: string;
  readonly text: string | null;
}

export function readSettingsFile(file: string): SettingsOnDisk {
  let target = file;
  try {
    if (fs.lstatSync(file).isSymbolicLink()) {
      try {
        target = fs.realpathSync(file);
      } catch {
        throw new SettingsFileError(`${file} is a symlink to ${fs.readlinkSync(file)}, which does not exist. Nothing was changed.`);
      }
    }
    return { target, text: fs.readFileSync(target, 'utf8') };
  } catch (error) {
    if (error instanceof SettingsFileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { target, text: null };
    throw new SettingsFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export function modeOf(target: string): number {
  return fs.statSync(target).mode & 0o777;
}
