// Where Buddy keeps its files on each platform: BUDDY_CONFIG_DIR and BUDDY_CACHE_DIR first, then the
// platform's own place (macOS's Library, Windows' APPDATA and LOCALAPPDATA, the XDG folders elsewhere),
// and Claude Code's global state file. The platform is set for each test; paths are joined with this
// system's separator, so only the choice of folders is checked, not Windows' backslashes.
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheDir, claudeGlobalConfigFile, configDir, configFile } from '../../src/store/paths.js';

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;

function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { ...realPlatform, value: platform });
}

beforeEach(() => {
  // Not through HOME: in a worker thread, os.homedir() reads the process's environment, not the worker's.
  vi.spyOn(os, 'homedir').mockReturnValue('/home/pat');
});

afterEach(() => {
  Object.defineProperty(process, 'platform', realPlatform);
  vi.restoreAllMocks();
});

describe('configDir', () => {
  it('is BUDDY_CONFIG_DIR when set, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      onPlatform(platform);
      expect(configDir({ BUDDY_CONFIG_DIR: '/elsewhere/buddy', XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' })).toBe('/elsewhere/buddy');
    }
  });

  it('is XDG_CONFIG_HOME/buddy on Linux, or ~/.config/buddy', () => {
    onPlatform('linux');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/buddy');
    expect(configDir({})).toBe('/home/pat/.config/buddy');
    expect(configDir({ BUDDY_CONFIG_DIR: '' })).toBe('/home/pat/.config/buddy');
  });

  it('is ~/Library/Preferences/buddy on macOS, whatever XDG says', () => {
    onPlatform('darwin');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' })).toBe('/home/pat/Library/Preferences/buddy');
  });

  it('is APPDATA/buddy/Config on Windows, or AppData/Roaming in the home folder', () => {
    onPlatform('win32');
    expect(configDir({ APPDATA: '/appdata', XDG_CONFIG_HOME: '/xdg' })).toBe('/appdata/buddy/Config');
    expect(configDir({})).toBe('/home/pat/AppData/Roaming/buddy/Config');
  });

  it('holds config.json', () => {
    onPlatform('linux');
    expect(configFile({ BUDDY_CONFIG_DIR: '/elsewhere/buddy' })).toBe('/elsewhere/buddy/config.json');
    expect(configFile({})).toBe('/home/pat/.config/buddy/config.json');
  });
});

describe('cacheDir', () => {
  it('is BUDDY_CACHE_DIR when set, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      onPlatform(platform);
      expect(cacheDir({ BUDDY_CACHE_DIR: '/elsewhere/cache', XDG_CACHE_HOME: '/xdg', LOCALAPPDATA: '/local' })).toBe('/elsewhere/cache');
    }
  });

  it('is XDG_CACHE_HOME/buddy on Linux, or ~/.cache/buddy', () => {
    onPlatform('linux');
    expect(cacheDir({ XDG_CACHE_HOME: '/xdg-cache' })).toBe('/xdg-cache/buddy');
    expect(cacheDir({})).toBe('/home/pat/.cache/buddy');
    expect(cacheDir({ BUDDY_CACHE_DIR: '' })).toBe('/home/pat/.cache/buddy');
  });

  it('is ~/Library/Caches/buddy on macOS', () => {
    onPlatform('darwin');
    expect(cacheDir({ XDG_CACHE_HOME: '/xdg-cache' })).toBe('/home/pat/Library/Caches/buddy');
  });

  it('is LOCALAPPDATA/buddy/Cache on Windows, or AppData/Local in the home folder', () => {
    onPlatform('win32');
    expect(cacheDir({ LOCALAPPDATA: '/local', XDG_CACHE_HOME: '/xdg-cache' })).toBe('/local/buddy/Cache');
    expect(cacheDir({})).toBe('/home/pat/AppData/Local/buddy/Cache');
  });
});

describe('claudeGlobalConfigFile', () => {
  it('is .claude.json in CLAUDE_CONFIG_DIR when set, or in the home folder', () => {
    expect(claudeGlobalConfigFile({ CLAUDE_CONFIG_DIR: '/claude' })).toBe('/claude/.claude.json');
    expect(claudeGlobalConfigFile({})).toBe('/home/pat/.claude.json');
    expect(claudeGlobalConfigFile({ CLAUDE_CONFIG_DIR: '' })).toBe('/home/pat/.claude.json');
  });
});
