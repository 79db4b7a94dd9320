// The once-a-day claim: two claims of one day, one wins; a new day claims again and prunes the old
// markers; whatever else stands at the marker's path (a FIFO, a link, a folder) is no claim for this
// process, makes nothing wait and is never replaced.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDay, markerName, pruneMarkers } from '../../src/files/day-marker.js';

let root: string;
let dir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-daily-'));
  dir = path.join(root, 'daily');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('claimDay', () => {
  it('lets exactly one of two claims of a day win, and a new day be claimed again', () => {
    expect(claimDay(dir, '2026-12-06')).toBe(true);
    expect(claimDay(dir, '2026-12-06')).toBe(false);
    expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe('700');
    expect(claimDay(dir, '2026-12-07')).toBe(true);
    expect(claimDay(dir, '2026-12-07')).toBe(false);
    // The new day's claim pruned the day before.
    expect(fs.readdirSync(dir)).toEqual([markerName('2026-12-07')]);
  });

  it('counts a FIFO at the path as claimed, without opening it (no hang) or replacing it', () => {
    fs.mkdirSync(dir);
    const marker = path.join(dir, markerName('2026-12-06'));
    execFileSync('mkfifo', [marker]);
    expect(claimDay(dir, '2026-12-06')).toBe(false);
    expect(fs.lstatSync(marker).isFIFO()).toBe(true);
  });

  it('never follows a link at the path, nor replaces it', () => {
    fs.mkdirSync(dir);
    const target = path.join(root, 'target');
    const marker = path.join(dir, markerName('2026-12-06'));
    fs.symlinkSync(target, marker);
    expect(claimDay(dir, '2026-12-06')).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.lstatSync(marker).isSymbolicLink()).toBe(true);
  });

  it('counts a folder at the path as claimed and leaves it, with what it holds', () => {
    const marker = path.join(dir, markerName('2026-12-06'));
    fs.mkdirSync(marker, { recursive: true });
    fs.writeFileSync(path.join(marker, 'inside'), 'kept');
    expect(claimDay(dir, '2026-12-06')).toBe(false);
    expect(fs.readFileSync(path.join(marker, 'inside'), 'utf8')).toBe('kept');
  });

  it('claims nothing when its folder cannot be made (a file in its place)', () => {
    fs.writeFileSync(dir, 'not a folder');
    expect(claimDay(dir, '2026-12-06')).toBe(false);
    expect(fs.readFileSync(dir, 'utf8')).toBe('not a folder');
  });
});

describe('pruneMarkers', () => {
  it('removes only the regular marker files of earlier days', () => {
    fs.mkdirSync(dir);
    for (const date of ['2026-12-01', '2026-12-05', '2026-12-06', '2026-12-07']) fs.writeFileSync(path.join(dir, markerName(date)), '');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    fs.mkdirSync(path.join(dir, markerName('2026-11-30')));
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(dir, markerName('2026-11-29')));
    pruneMarkers(dir, '2026-12-06');
    expect(fs.readdirSync(dir).sort()).toEqual([markerName('2026-11-29'), markerName('2026-11-30'), markerName('2026-12-06'), markerName('2026-12-07'), 'notes.txt']);
  });

  it('does nothing when the folder is missing', () => {
    expect(() => pruneMarkers(path.join(root, 'missing'), '2026-12-06')).not.toThrow();
  });
});
