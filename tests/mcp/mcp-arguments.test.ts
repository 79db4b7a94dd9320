// The server checks a tool call's arguments against the very input schema tools/list gives the host
// (src/mcp/arguments.ts). Here its verdicts are held to a real JSON Schema validator's (the MCP SDK's
// Ajv) for every tool of the table, on arguments made from each schema: a tool added to the table is
// covered without a line here. Then the words of its one-line problems, pinned.
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { describe, expect, it } from 'vitest';
import { checkArguments, codePointLength, InvalidArguments, type InputSchema, type TextArgument } from '../../src/mcp/arguments.js';
import { listed, TOOLS } from '../../src/mcp/tools.js';

const ajv = new AjvJsonSchemaValidator();

/** Values for one argument: every one it may take, and around each of its limits, and not text at all. */
function valuesFor(argument: TextArgument): unknown[] {
  const values: unknown[] = ['', ' ', '\t\n', '\u3000', 'x', ' x ', 'hello there', 42, null, true, ['x'], {}];
  if (argument.enum) values.push(...argument.enum, `${argument.enum[0]}!`, argument.enum[0]!.toUpperCase());
  for (const limit of [argument.minLength, argument.maxLength]) {
    if (limit === undefined) continue;
    for (const length of [limit - 1, limit, limit + 1].filter((n) => n >= 0)) values.push('x'.repeat(length), '🦆'.repeat(length), `${'🦆'.repeat(Math.max(length - 1, 0))}\ud800`, ' '.repeat(length));
  }
  return values;
}

/** A value the argument takes, for filling the arguments a sample does not vary. */
const validFor = (argument: TextArgument): string => argument.enum?.[0] ?? 'hello there';

/** Arguments for a schema: none, each argument alone in every variant (with the other required ones filled), one missing, one too many. */
function samplesFor(schema: InputSchema): unknown[] {
  const names = Object.keys(schema.properties);
  const filled = Object.fromEntries((schema.required ?? []).map((name) => [name, validFor(schema.properties[name]!)]));
  const samples: unknown[] = [{}, [], 'text', 7, filled, { ...filled, extra: 1 }, { ...filled, __proto__: 1 }, JSON.parse('{"__proto__": 1}')];
  for (const name of names) {
    for (const value of valuesFor(schema.properties[name]!)) samples.push({ ...filled, [name]: value });
    const { [name]: _left, ...without } = filled;
    samples.push(without);
  }
  return samples;
}

const accepted = (schema: InputSchema, input: unknown): boolean => {
  try {
    checkArguments(schema, input);
    return true;
  } catch (error) {
    if (!(error instanceof InvalidArguments)) throw error;
    return false;
  }
};

describe('a call is checked against the input schema the host reads', () => {
  it.each(TOOLS.map((tool) => [tool.name, listed(tool).inputSchema] as const))('%s: every sample is taken exactly when a JSON Schema validator takes it', (_name, schema) => {
    const validate = ajv.getValidator(schema as never);
    const samples = samplesFor(schema);
    expect(samples.length).toBeGreaterThan(7);
    for (const sample of samples) expect(accepted(schema, sample), JSON.stringify(sample)).toBe(validate(sample).valid);
  });

  it('uses only the part of JSON Schema the checker knows, in every row', () => {
    for (const tool of TOOLS) {
      const schema: Record<string, unknown> = tool.inputSchema;
      expect(Object.keys(schema).filter((key) => !['type', 'properties', 'required', 'additionalProperties'].includes(key)), tool.name).toEqual([]);
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      for (const argument of Object.values(tool.inputSchema.properties) as Record<string, unknown>[]) {
        expect(Object.keys(argument).filter((key) => !['type', 'description', 'enum', 'minLength', 'maxLength', 'pattern'].includes(key)), tool.name).toEqual([]);
        expect(argument.type).toBe('string');
        expect([undefined, '\\S']).toContain(argument.pattern);
      }
    }
  });

  it('takes no arguments at all as none', () => {
    const none: InputSchema = { type: 'object', properties: {}, additionalProperties: false };
    expect(checkArguments(none, undefined)).toEqual({});
    expect(checkArguments(none, null)).toEqual({});
  });
});

describe('what it says of arguments that do not fit', () => {
  const schema = {
    type: 'object',
    properties: {
      note: { type: 'string', minLength: 3, maxLength: 5 },
      message: { type: 'string', minLength: 1, maxLength: 4, pattern: '\\S' },
      mood: { type: 'string', enum: ['calm', 'wild'] },
    },
    required: ['message'],
    additionalProperties: false,
  } as const satisfies InputSchema;
  const problem = (input: unknown): string => {
    try {
      checkArguments(schema, input);
    } catch (error) {
      return (error as Error).message;
    }
    return 'none';
  };

  it.each([
    [{ message: 'hi' }, 'none'],
    [{ message: 'hi', note: 'abc', mood: 'wild' }, 'none'],
    [{}, 'message is missing'],
    [{ message: 42 }, 'message must be text'],
    [{ message: '' }, 'message is empty'],
    [{ message: ' \t\n\u3000' }, 'message is empty'],
    [{ message: 'abcd' }, 'none'],
    [{ message: 'abcde' }, 'message is longer than 4 characters'],
    [{ message: '🦆🦆🦆🦆' }, 'none'],
    [{ message: '🦆🦆🦆🦆🦆' }, 'message is longer than 4 characters'],
    [{ message: 'hi', note: 'ab' }, 'note is shorter than 3 characters'],
    [{ message: 'hi', note: 'abc' }, 'none'],
    [{ message: 'hi', note: 'abcdef' }, 'note is longer than 5 characters'],
    [{ message: 'hi', mood: 'grumpy' }, 'mood must be one of calm, wild'],
    [{ message: 'hi', mood: 7 }, 'mood must be one of calm, wild'],
    // The host's own key is never said back.
    [{ message: 'hi', SECRET_KEY: 1 }, 'an argument it does not take (it takes note, message, mood)'],
    [[], 'its arguments must be an object'],
    ['hi', 'its arguments must be an object'],
  ])('%j: %s', (input, said) => {
    expect(problem(input)).toBe(said);
  });

  it('says "none" when the tool takes no argument', () => {
    expect(() => checkArguments({ type: 'object', properties: {}, additionalProperties: false }, { x: 1 })).toThrow('an argument it does not take (it takes none)');
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['🦆', 1],
    ['🦆🦆', 2],
    ['\ud800', 1],
    ['\udc00\ud800', 2],
    ['a\ud83e', 2],
  ])('%j is %i', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });
});
