// The one-line message a host config file operation refuses with (SettingsFileError), for tests that
// check the wording; a call that does not refuse fails the test.
import { expect } from 'vitest';
import { SettingsFileError } from '../../src/installers/config-file.js';

export function settingsRefusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsFileError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}
