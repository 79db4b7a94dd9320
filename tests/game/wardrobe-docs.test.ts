// docs/growth.md lists every wardrobe item and how it unlocks, in a table kept in step with the catalogue.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleHint, WARDROBE } from '../../src/game/wardrobe.js';

const DOC = fs.readFileSync(new URL('../../docs/growth.md', import.meta.url), 'utf8');

describe('the Wardrobe section of docs/growth.md', () => {
  it.each(WARDROBE.map((item) => [item.id, item] as const))('lists %s with its slot and rule', (_, item) => {
    expect(DOC).toContain(`| ${item.name} | \`${item.id}\` | ${item.slot} | ${ruleHint(item.rule)} |`);
  });

  it('lists nothing that is not in the catalogue', () => {
    const rows = DOC.split('## Wardrobe')[1]!.split('\n').filter((line) => /^\| [^-i]/.test(line));
    expect(rows).toHaveLength(WARDROBE.length);
  });
});
