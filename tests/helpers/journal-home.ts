// A hatched buddy-93 (a legendary Nebulynx) in a throwaway home with a fixed time zone, made before each
// test and removed after it, with readers and a writer for its journal. The same setup serves the
// in-process cases (tests/journal/log-commands.test.ts) and the built-bin cases (tests/e2e/log-cli.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from './cli.js';
import { onTopOf, useHatchedHome, type HatchedHome } from './hatched-home.js';

export interface JournalHome {
  readonly sandbox: Sandbox;
  /** The sandbox's environment with buddy-93's identity and TZ=UTC. */
  readonly env: NodeJS.ProcessEnv;
  /** The hatched buddy's name. */
  readonly name: string;
  journalFile(): string;
  previousFile(): string;
  journalLines(): Array<Record<string, string>>;
  /** Lines said at known moments: 3 h, 90 min and 10 min ago. */
  writeHistory(): void;
}

export function useJournalHome(): JournalHome {
  const hatched = useHatchedHome({ TZ: 'UTC' });

  const home: JournalHome = onTopOf<Omit<JournalHome, keyof HatchedHome>>(hatched, {
    journalFile: () => path.join(home.env.BUDDY_CONFIG_DIR as string, 'journal.jsonl'),
    previousFile: () => path.join(home.env.BUDDY_CONFIG_DIR as string, 'journal.1.jsonl'),
    journalLines: () =>
      fs.existsSync(home.journalFile()) ? fs.readFileSync(home.journalFile(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>) : [],
    writeHistory() {
      const { name } = home;
      const now = Date.now();
      const at = (minutes: number): string => new Date(now - minutes * 60_000).toISOString();
      fs.mkdirSync(path.dirname(home.journalFile()), { recursive: true });
      fs.writeFileSync(
        home.journalFile(),
        [
          { at: at(180), source: 'reaction', session: 's1', name, mood: 'calm', text: 'Old news.' },
          { at: at(90), source: 'greeting', session: 's1', name, text: 'Hello again.' },
          { at: at(10), source: 'say', name, text: 'Fresh \u001b[31mline.' },
        ]
          .map((line) => JSON.stringify(line))
          .join('\n') + '\n',
      );
    },
  });
  return home;
}
