// A hatched buddy-93 (a legendary Nebulynx) in a throwaway home, made before each test and removed after
// it: the sandbox, its environment with buddy-93's identity (and any extra variables asked for), and the
// buddy's name. Shared by the in-process and built-bin cases of `buddy card`, `buddy log`, the installers
// and the hooks.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import type { Sandbox } from './cli.js';
import { hatchedInProcess } from './hatched-in-process.js';

export interface HatchedHome {
  readonly sandbox: Sandbox;
  /** The sandbox's environment with buddy-93's identity and the extra variables. */
  readonly env: NodeJS.ProcessEnv;
  /** The hatched buddy's name. */
  readonly name: string;
}

/** `hatch` makes the hatched sandboxes: in process by default, or hatchedSandboxes for the built bin's own hatch. */
export function useHatchedHome(extraEnv: NodeJS.ProcessEnv = {}, hatch: (userId: string) => () => Sandbox = hatchedInProcess): HatchedHome {
  const hatchedSandbox = hatch('buddy-93');
  let current: HatchedHome | undefined;
  beforeEach(() => {
    const sandbox = hatchedSandbox();
    const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93', ...extraEnv };
    const name = (JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData).buddy!.name;
    current = { sandbox, env, name };
  });
  afterEach(() => current?.sandbox.cleanup());
  const opened = (): HatchedHome => {
    if (current === undefined) throw new Error('the hatched home is made in beforeEach');
    return current;
  };
  return {
    get sandbox() {
      return opened().sandbox;
    },
    get env() {
      return opened().env;
    },
    get name() {
      return opened().name;
    },
  };
}


/** `extra` on top of `base`: the base's fields stay live (read through, never copied), and so do extra's getters. */
export function onTopOf<T extends object>(base: HatchedHome, extra: T): HatchedHome & T {
  return Object.defineProperties(Object.create(base) as HatchedHome, Object.getOwnPropertyDescriptors(extra)) as HatchedHome & T;
}
