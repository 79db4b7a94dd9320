// Where a copy of Buddy lives, decided from paths alone: an npx cache, a temporary folder, a clone's
// working tree and a folder npm did not install it into are refused by `buddy install`; a copy under a
// node_modules folder is the one kind a host setup may point at.
import { describe, expect, it } from 'vitest';
import { classifyLocation, GLOBAL_INSTALL_COMMAND, isStable, kindName, packageRootOf, whyUnstable, type LocationFacts } from '../../src/installers/location.js';

const facts = (script: string, more: Partial<LocationFacts> = {}): LocationFacts => ({ script, gitBeside: false, tempDirs: ['/tmp'], platform: 'linux', ...more });
const kindOf = (script: string, more: Partial<LocationFacts> = {}): string => classifyLocation(facts(script, more)).kind;

describe('classifyLocation', () => {
  it("finds npm's npx cache, in ~/.npm or wherever npm_config_cache puts it", () => {
    expect(classifyLocation(facts('/home/ann/.npm/_npx/6a9e2f/node_modules/buddy-terminal-pet/dist/buddy.js'))).toEqual({
      kind: 'npx-cache',
      root: '/home/ann/.npm/_npx/6a9e2f/node_modules/buddy-terminal-pet',
    });
    expect(kindOf('/srv/caches/npm/_npx/1f/node_modules/buddy-terminal-pet/dist/buddy.js')).toBe('npx-cache');
    // An npx cache in a temporary folder is said as what it is.
    expect(kindOf('/tmp/npm-cache/_npx/1f/node_modules/buddy-terminal-pet/dist/buddy.js')).toBe('npx-cache');
    // A folder merely named like it is not.
    expect(kindOf('/home/ann/_npx-notes/node_modules/buddy-terminal-pet/dist/buddy.js')).toBe('installed');
  });

  it('finds temporary folders: the fixed ones, and those this process was given', () => {
    expect(classifyLocation(facts('/tmp/buddy-terminal-pet/dist/buddy.js'))).toEqual({ kind: 'temporary', root: '/tmp/buddy-terminal-pet' });
    expect(kindOf('/tmp/dist/buddy.js')).toBe('temporary');
    expect(kindOf('/var/tmp/x/dist/buddy.js', { tempDirs: [] })).toBe('temporary');
    expect(kindOf('/var/folders/zz/abc/T/x/package/dist/buddy.js', { tempDirs: [] })).toBe('temporary');
    expect(kindOf('/private/var/folders/zz/abc/T/x/package/dist/buddy.js', { tempDirs: [] })).toBe('temporary');
    expect(kindOf('/scratch/t/x/node_modules/buddy-terminal-pet/dist/buddy.js', { tempDirs: ['/scratch/t'] })).toBe('temporary');
    // Beside a temporary folder is not in it.
    expect(kindOf('/scratch/tx/node_modules/buddy-terminal-pet/dist/buddy.js', { tempDirs: ['/scratch/t'] })).toBe('installed');
    expect(kindOf('/tmpfs-home/node_modules/buddy-terminal-pet/dist/buddy.js')).toBe('installed');
    // A relative or empty TMPDIR names no folder.
    expect(kindOf('/home/ann/node_modules/buddy-terminal-pet/dist/buddy.js', { tempDirs: ['', 'tmp'] })).toBe('installed');
  });

  it('takes the standalone executable where the person put it, but not from a temporary folder or an npx cache', () => {
    const exe = (script: string): LocationFacts => facts(script, { executable: true });
    expect(classifyLocation(exe('/home/ann/.local/bin/buddy'))).toEqual({ kind: 'executable', root: '/home/ann/.local/bin' });
    expect(isStable(classifyLocation(exe('/usr/local/bin/buddy')))).toBe(true);
    expect(whyUnstable(classifyLocation(exe('/opt/buddy/buddy-linux-x64')))).toBe('');
    expect(classifyLocation(exe('/tmp/buddy-linux-x64')).kind).toBe('temporary');
    expect(isStable(classifyLocation(exe('/tmp/buddy-linux-x64')))).toBe(false);
    expect(classifyLocation(exe('/home/ann/.npm/_npx/1f/buddy')).kind).toBe('npx-cache');
    // The same path without the executable's mark is a loose copy, refused.
    expect(kindOf('/home/ann/.local/bin/buddy')).toBe('loose');
  });

  it("finds a clone by the .git beside the package, and a temporary clone as temporary", () => {
    expect(classifyLocation(facts('/home/ann/src/buddy/dist/buddy.js', { gitBeside: true }))).toEqual({ kind: 'clone', root: '/home/ann/src/buddy' });
    // `npm link` leads into the clone: the real path is the working tree, whatever links lead there.
    expect(kindOf('/home/ann/src/node_modules/buddy/dist/buddy.js', { gitBeside: true })).toBe('clone');
    expect(kindOf('/tmp/buddy/dist/buddy.js', { gitBeside: true })).toBe('temporary');
  });

  it('calls a copy outside any node_modules loose, and one inside installed', () => {
    expect(kindOf('/home/ann/tools/buddy/dist/buddy.js')).toBe('loose');
    expect(kindOf('/opt/buddy/dist/buddy.js')).toBe('loose');
    for (const script of [
      '/usr/lib/node_modules/buddy-terminal-pet/dist/buddy.js',
      '/usr/local/lib/node_modules/buddy-terminal-pet/dist/buddy.js',
      '/opt/homebrew/lib/node_modules/buddy-terminal-pet/dist/buddy.js',
      '/home/ann/.nvm/versions/node/v20.19.0/lib/node_modules/buddy-terminal-pet/dist/buddy.js',
      '/home/ann/work/app/node_modules/buddy-terminal-pet/dist/buddy.js',
    ]) {
      expect(kindOf(script), script).toBe('installed');
    }
  });

  it('reads Windows paths as Windows does, without case, and without the POSIX temporary folders', () => {
    const win = { platform: 'win32' as const, tempDirs: ['C:\\Users\\Ann\\AppData\\Local\\Temp'] };
    expect(classifyLocation(facts('C:\\Users\\Ann\\AppData\\Local\\npm-cache\\_npx\\ab12\\node_modules\\buddy-terminal-pet\\dist\\buddy.js', win))).toEqual({
      kind: 'npx-cache',
      root: 'C:\\Users\\Ann\\AppData\\Local\\npm-cache\\_npx\\ab12\\node_modules\\buddy-terminal-pet',
    });
    expect(kindOf('c:\\users\\ann\\appdata\\local\\temp\\x\\dist\\buddy.js', win)).toBe('temporary');
    expect(kindOf('C:\\Users\\Ann\\AppData\\Roaming\\npm\\node_modules\\buddy-terminal-pet\\dist\\buddy.js', win)).toBe('installed');
    expect(kindOf('C:\\tmp\\node_modules\\buddy-terminal-pet\\dist\\buddy.js', win)).toBe('installed');
  });
});

describe('the fixed temporary folders and the folders given', () => {
  it('knows each fixed temporary folder on its own, on every system but Windows', () => {
    for (const dir of ['/tmp', '/var/tmp', '/dev/shm', '/var/folders', '/private/tmp', '/private/var/tmp', '/private/var/folders']) {
      expect(kindOf(`${dir}/x/node_modules/buddy-terminal-pet/dist/buddy.js`, { tempDirs: [] }), dir).toBe('temporary');
      expect(kindOf(`${dir}/x/node_modules/buddy-terminal-pet/dist/buddy.js`, { tempDirs: [], platform: 'darwin' }), dir).toBe('temporary');
    }
    expect(kindOf('/dev/shmem/x/node_modules/buddy-terminal-pet/dist/buddy.js', { tempDirs: [] })).toBe('installed');
    // On Windows a path rooted like /tmp names no temporary folder of its own.
    expect(kindOf('\\tmp\\x\\node_modules\\buddy-terminal-pet\\dist\\buddy.js', { tempDirs: [], platform: 'win32' })).toBe('installed');
  });

  it('takes a package root that is the temporary folder itself as temporary', () => {
    expect(classifyLocation(facts('/scratch/t/dist/buddy.js', { tempDirs: ['/scratch/t'] }))).toEqual({ kind: 'temporary', root: '/scratch/t' });
    expect(kindOf('/scratch/dist/buddy.js', { tempDirs: ['/scratch/t'] })).toBe('loose');
  });

  it('compares POSIX paths with their case', () => {
    expect(kindOf('/TMP/x/node_modules/buddy-terminal-pet/dist/buddy.js', { tempDirs: [] })).toBe('installed');
    expect(kindOf('/Scratch/T/x/dist/buddy.js', { tempDirs: ['/scratch/t'] })).toBe('loose');
  });

  // Under a fixed temporary folder every path here is temporary anyway: there is nothing to tell apart.
  const here = process.cwd();
  const hereIsTemporary = classifyLocation(facts(`${here}/dist/buddy.js`, { tempDirs: [] })).kind === 'temporary';
  it.skipIf(hereIsTemporary)('counts no folder for an empty or relative name, wherever this process runs', () => {
    expect(kindOf(`${here}/node_modules/buddy-terminal-pet/dist/buddy.js`, { tempDirs: [''] })).toBe('installed');
    expect(kindOf(`${here}/tmp/node_modules/buddy-terminal-pet/dist/buddy.js`, { tempDirs: ['tmp'] })).toBe('installed');
  });
});

describe('packageRootOf', () => {
  it('is two folders up from dist/buddy.js, else the bundle’s own folder', () => {
    expect(packageRootOf('/a/b/dist/buddy.js', 'linux')).toBe('/a/b');
    expect(packageRootOf('/a/b/bin/buddy.js', 'linux')).toBe('/a/b/bin');
    expect(packageRootOf('D:\\x\\dist\\buddy.js', 'win32')).toBe('D:\\x');
    // On POSIX a backslash is part of a name, not a separator.
    expect(packageRootOf('/x/a\\dist\\buddy.js', 'linux')).toBe('/x');
    expect(packageRootOf('/x/a\\dist\\buddy.js', 'win32')).toBe('/x/a');
  });
});

describe('isStable and whyUnstable', () => {
  it('lets only a copy npm installed be pointed at, and says why each other kind breaks', () => {
    const at = (kind: Parameters<typeof whyUnstable>[0]['kind']) => ({ kind, root: '/r' });
    expect(isStable(at('installed'))).toBe(true);
    expect(whyUnstable(at('installed'))).toBe('');
    expect(['npx-cache', 'temporary', 'clone', 'loose'].map((kind) => [isStable(at(kind as 'loose')), whyUnstable(at(kind as 'loose'))])).toEqual([
      [false, 'an npx cache (/r), which npm cleans out'],
      [false, 'a temporary folder (/r), which the system empties'],
      [false, "a clone's working tree (/r), which may be moved, deleted or half rebuilt"],
      [false, 'a folder npm did not install it into (/r), which may be moved or deleted'],
    ]);
  });
});

describe('kindName', () => {
  it('names each kind of place in a few words', () => {
    const kinds = ['installed', 'executable', 'npx-cache', 'temporary', 'clone', 'loose'] as const;
    expect(kinds.map((kind) => kindName({ kind, root: '/r' }))).toEqual([
      'installed by npm',
      'the standalone executable',
      'an npx cache',
      'a temporary folder',
      "a clone's working tree",
      'a folder npm did not install it into',
    ]);
  });

  it('is what doctor and the refusals tell a person to run', () => {
    expect(GLOBAL_INSTALL_COMMAND).toBe('npm install -g buddy-terminal-pet');
  });
});
