// `buddy say` with a key, end to end (the built bin, the real SDK, a local fake Messages API): a request to
// keep a fact is answered and stored without asking the model, and the next question to the model carries
// the fact in its prompt.
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { textReply } from '../helpers/fake-messages-api.js';
import { useFakeApiHome } from '../helpers/fake-api-home.js';
import { requestAt, systemOf } from '../persona/support.js';

const home = useFakeApiHome(runBuddy);

describe('buddy say with a model and the buddy\'s memory', () => {
  it('keeps the fact itself, then tells the model about it', { timeout: 30_000 }, async () => {
    expect((await home.hatchWithModel()).code).toBe(0);
    const kept = await runBuddy(['say', 'Pemberton, remember that I deploy on Fridays'], { env: home.envFor() });
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toMatch(/^Pemberton: .*"I deploy on Fridays"/);
    // Only the hatch reached the model.
    expect(home.fake.requests).toHaveLength(1);
    expect(home.readConfig().buddy?.facts?.map((fact) => fact.text)).toEqual(['I deploy on Fridays']);

    home.fake.script(textReply('Fridays, naturally.'));
    const asked = await runBuddy(['say', 'Pemberton, when do I deploy?'], { env: home.envFor() });
    expect(asked.stdout).toBe('Pemberton: Fridays, naturally.\n');
    const dynamic = systemOf(requestAt(home.fake, 1))[1]!.text;
    expect(dynamic).toMatch(/\nWhat you remember \(.*\):\n- \d{4}-\d{2}-\d{2}, today: I deploy on Fridays(\n|$)/);
  });
});
