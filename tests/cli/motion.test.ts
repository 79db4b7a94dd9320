import { describe, expect, it } from 'vitest';
import { motionAllowed } from '../../src/cli/motion.js';

/** A terminal that can redraw in place. */
const XTERM = { TERM: 'xterm-256color' };

describe('motionAllowed', () => {
  it('moves by default', () => {
    expect(motionAllowed(XTERM, true, undefined, 'linux')).toBe(true);
  });

  it.each(['BUDDY_NO_ANIM', 'NO_MOTION', 'REDUCE_MOTION'])('stands still when %s is set', (name) => {
    expect(motionAllowed({ ...XTERM, [name]: '1' }, true, undefined, 'linux')).toBe(false);
    expect(motionAllowed({ ...XTERM, [name]: 'yes' }, true, undefined, 'linux')).toBe(false);
  });

  it.each(['', '0', 'false', 'FALSE'])('takes %j as not set', (value) => {
    expect(motionAllowed({ ...XTERM, NO_MOTION: value, REDUCE_MOTION: value, BUDDY_NO_ANIM: value }, true, undefined, 'linux')).toBe(true);
  });

  it('stands still with --no-anim or the setting off', () => {
    expect(motionAllowed(XTERM, true, true, 'linux')).toBe(false);
    expect(motionAllowed(XTERM, false, undefined, 'linux')).toBe(false);
  });

  it('stands still on a terminal that cannot move the cursor: TERM=dumb, or no TERM outside Windows', () => {
    expect(motionAllowed({ TERM: 'dumb' }, true, undefined, 'linux')).toBe(false);
    expect(motionAllowed({}, true, undefined, 'linux')).toBe(false);
    expect(motionAllowed({}, true, undefined, 'win32')).toBe(true);
  });
});
