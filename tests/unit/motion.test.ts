import { describe, expect, it } from 'vitest';
import { motionAllowed } from '../../src/cli/motion.js';

describe('motionAllowed', () => {
  it('moves by default', () => {
    expect(motionAllowed({}, true, undefined)).toBe(true);
  });

  it.each(['BUDDY_NO_ANIM', 'NO_MOTION', 'REDUCE_MOTION'])('stands still when %s is set', (name) => {
    expect(motionAllowed({ [name]: '1' }, true, undefined)).toBe(false);
    expect(motionAllowed({ [name]: 'yes' }, true, undefined)).toBe(false);
  });

  it.each(['', '0', 'false', 'FALSE'])('takes %j as not set', (value) => {
    expect(motionAllowed({ NO_MOTION: value, REDUCE_MOTION: value, BUDDY_NO_ANIM: value }, true, undefined)).toBe(true);
  });

  it('stands still with --no-anim or the setting off', () => {
    expect(motionAllowed({}, true, true)).toBe(false);
    expect(motionAllowed({}, false, undefined)).toBe(false);
  });
});
