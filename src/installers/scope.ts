// Where an install lives: the user's own config (every project), or one project's.
import os from 'node:os';

export type Scope = 'user' | 'project';

export function isScope(value: unknown): value is Scope {
  return value === 'user' || value === 'project';
}

/** The user's home as the agent CLIs find it: $HOME, else the system's idea of it. */
export function homeDir(env: NodeJS.ProcessEnv): string {
  return env.HOME ?? os.homedir();
}
