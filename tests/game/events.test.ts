// The event log's lines: what is written, and what a fold accepts when it reads them back. Anything that
// is not a whole, valid event line (torn, foreign, out of range) is skipped, never half-read.
import { describe, expect, it } from 'vitest';
import { formatEventLine, parseEventLines } from '../../src/game/events.js';

const line = (fields: Record<string, unknown>): string => `${JSON.stringify(fields)}\n`;
const PET = { k: 'pet', at: 1_000, tz: 0 };

describe('writing an event line', () => {
  it('cuts an id to 120 characters, and the cut line reads back', () => {
    const written = formatEventLine({ kind: 'session', at: 7, offsetMinutes: 0, id: 'x'.repeat(200) });
    expect(written).toBe(`{"k":"session","at":7,"tz":0,"id":"${'x'.repeat(120)}"}\n`);
    expect(parseEventLines(written)).toEqual([{ kind: 'session', at: 7, offsetMinutes: 0, id: 'x'.repeat(120) }]);
  });

  it('rounds the moment and the offset to whole numbers', () => {
    expect(formatEventLine({ kind: 'feed', at: 1.6, offsetMinutes: 59.7 })).toBe('{"k":"feed","at":2,"tz":60}\n');
  });
});

describe('reading event lines', () => {
  it('reads an event without an id as one with no id at all', () => {
    const [read] = parseEventLines(line(PET));
    expect(read).toStrictEqual({ kind: 'pet', at: 1_000, offsetMinutes: 0 });
  });

  it('skips JSON that is not an object', () => {
    expect(parseEventLines('null\n5\n"pet"\ntrue\n[]\n["pet",1,0]\n')).toEqual([]);
  });

  it('takes the moment 0 and later, whole milliseconds only', () => {
    expect(parseEventLines(line({ ...PET, at: 0 }))).toEqual([{ kind: 'pet', at: 0, offsetMinutes: 0 }]);
    for (const at of [-1, 1.5, 2 ** 53, '1000', null]) expect(parseEventLines(line({ ...PET, at })), String(at)).toEqual([]);
  });

  it('takes whole-minute offsets up to ±18 hours', () => {
    expect(parseEventLines(line({ ...PET, tz: 1_080 }) + line({ ...PET, tz: -1_080 })).map((event) => event.offsetMinutes)).toEqual([1_080, -1_080]);
    for (const tz of [1_081, -1_081, 1.5, '0', null]) expect(parseEventLines(line({ ...PET, tz })), String(tz)).toEqual([]);
  });

  it('takes ids of 1 to 120 characters', () => {
    expect(parseEventLines(line({ ...PET, id: 'a' }) + line({ ...PET, id: 'b'.repeat(120) })).map((event) => event.id)).toEqual(['a', 'b'.repeat(120)]);
    for (const id of ['', 'c'.repeat(121), 5, null, ['a']]) expect(parseEventLines(line({ ...PET, id })), JSON.stringify(id)).toEqual([]);
  });

  it('takes lines of up to 400 characters, no longer', () => {
    const padded = (length: number) => {
      const text = JSON.stringify(PET);
      return `${text}${' '.repeat(length - text.length)}\n`;
    };
    expect(parseEventLines(padded(400))).toHaveLength(1);
    expect(parseEventLines(padded(401))).toEqual([]);
  });

  it('reads the whole lines around blank, torn and foreign ones, in order', () => {
    const text = `\n${line(PET)}\n{"k":"feed","at":2\n${line({ k: 'jump', at: 3, tz: 0 })}${line({ ...PET, k: 'talk' })}`;
    expect(parseEventLines(text).map((event) => event.kind)).toEqual(['pet', 'talk']);
  });
});
