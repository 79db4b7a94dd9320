// `buddy doctor`'s verdict on what one statusLine refresh costs: judged by the figure it shows, so a mark
// never disagrees with its number, and a refresh through Node is only a problem on the light path.
import { describe, expect, it } from 'vitest';
import { refreshCostCheck } from '../../src/cli/commands/doctor/statusline-checks.js';

describe('refreshCostCheck', () => {
  it('passes a light refresh, its share of a core at one refresh a second beside it', () => {
    expect(refreshCostCheck(7.04, true)).toEqual({ status: 'ok', what: 'one statusLine refresh costs 7.0 ms of CPU here (10 refreshes measured; 0.7% of one core at one refresh a second)' });
  });

  it('judges the figure shown: 25.04 ms reads 25.0 and passes, 25.06 reads 25.1 and is marked', () => {
    expect(refreshCostCheck(25.04, true)).toMatchObject({ status: 'ok', what: expect.stringContaining('costs 25.0 ms') });
    expect(refreshCostCheck(25.06, true)).toMatchObject({ status: 'warn', what: expect.stringContaining('costs 25.1 ms'), fix: expect.stringContaining('cache directory is writable') });
  });

  it('does not mark a Node refresh where the light path is not installed (that has a warning of its own)', () => {
    expect(refreshCostCheck(140, false)).toEqual({ status: 'ok', what: 'one statusLine refresh costs 140.0 ms of CPU here (10 refreshes measured; 14.0% of one core at one refresh a second)' });
  });
});
