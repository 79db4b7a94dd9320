// `buddy memory [--json]`: the facts the buddy keeps (numbered and dated, oldest first, the numbers
// `buddy forget N` takes) and its last days of sessions, in a few words each, from its journal.
import { readHighlights, type DayHighlight } from '../../journal/highlights.js';
import { factDay } from '../../persona/prompt/remembered.js';
import { asciiOnly } from '../../render/terminal.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import type { Fact } from '../../store/schema.js';
import { MEMORY } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { writeLine, type CliIo } from '../io.js';
import { sayNoBuddyYet } from '../not-hatched.js';

/** The whole answer as text lines. */
export function memoryLines(name: string, facts: readonly Fact[], highlights: readonly DayHighlight[]): string[] {
  const kept =
    facts.length === 0
      ? [`${name} keeps no facts yet. Tell it one: buddy say "${name}, remember that ..."`]
      : [`${name} keeps ${facts.length === 1 ? '1 fact' : `${facts.length} facts`}:`, ...facts.map((fact, index) => `  ${index + 1}. ${factDay(fact.at)}  ${fact.text}`)];
  const lately = highlights.length === 0 ? ['Lately: nothing from its sessions in the journal yet.'] : ['Lately:', ...highlights.map((day) => `  ${day.weekday} ${day.day}  ${day.text}`)];
  return [...kept, ...lately];
}

/** The stable JSON form (docs/persona.md). */
export function memoryJson(name: string, facts: readonly Fact[], highlights: readonly DayHighlight[]): string {
  return JSON.stringify({
    name,
    facts: facts.map((fact, index) => ({ n: index + 1, text: fact.text, at: fact.at })),
    highlights: highlights.map((day) => ({ day: day.day, weekday: day.weekday, text: day.text })),
  });
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(MEMORY, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii), values.json);
  const buddy = readConfigSnapshot(io.env).buddy;
  if (!buddy) return sayNoBuddyYet(io, values.json);
  const facts = buddy.facts ?? [];
  const highlights = readHighlights(io.env);
  if (values.json) writeLine(io.stdout, memoryJson(buddy.name, facts, highlights));
  else for (const line of memoryLines(buddy.name, facts, highlights)) writeLine(io.stdout, line);
  return 0;
}
