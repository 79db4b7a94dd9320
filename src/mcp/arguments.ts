// A tool call's arguments, checked against the tool's input schema in the table (tools.ts): the JSON
// Schema the host reads is the one the server holds it to, so the two cannot disagree. It knows only the
// part of JSON Schema the input schemas use, which InputSchema spells out (the compiler refuses a row
// that uses more): an object of named text arguments, each free text or one of a list. A problem is said
// in one line that names the argument, never the value, nor a key the host made up.

/** The one pattern the schemas use: at least one character that is not white space. */
export const NOT_BLANK = '\\S';

/** What a failed pattern means, in words. */
const PATTERN_PROBLEMS = { [NOT_BLANK]: 'is empty' } as const;

export interface TextArgument {
  readonly type: 'string';
  readonly description?: string;
  /** The values it may take; any text when absent. */
  readonly enum?: readonly string[];
  /** In code points, as JSON Schema counts them. */
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: keyof typeof PATTERN_PROBLEMS;
}

export interface InputSchema {
  readonly type: 'object';
  readonly properties: { readonly [name: string]: TextArgument };
  readonly required?: readonly string[];
  /** Always false: an argument the tool does not take is refused, never ignored. */
  readonly additionalProperties: false;
}

type RequiredOf<Schema> = Schema extends { readonly required: readonly (infer Key)[] } ? Key : never;
type ValueOf<Argument> = Argument extends { readonly enum: readonly (infer Value)[] } ? Value : string;

/** The arguments a call that fits the schema has, as the handler receives them. */
export type ArgumentsOf<Schema extends InputSchema> = {
  readonly [Key in keyof Schema['properties'] as Key extends RequiredOf<Schema> ? Key : never]: ValueOf<Schema['properties'][Key]>;
} & {
  readonly [Key in keyof Schema['properties'] as Key extends RequiredOf<Schema> ? never : Key]?: ValueOf<Schema['properties'][Key]>;
};

/** Arguments that do not fit the schema; the message is one line, safe to send back. */
export class InvalidArguments extends Error {}

/**
 * A string's length as JSON Schema's minLength and maxLength count it: in code points, so an emoji is one
 * (two UTF-16 units) and a lone surrogate is one too.
 */
export function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
    length += 1;
  }
  return length;
}

function problemOf(argument: TextArgument, value: unknown): string | undefined {
  if (argument.enum) return argument.enum.includes(value as string) ? undefined : `must be one of ${argument.enum.join(', ')}`;
  if (typeof value !== 'string') return 'must be text';
  const length = codePointLength(value);
  if (argument.minLength !== undefined && length < argument.minLength) return argument.minLength === 1 ? 'is empty' : `is shorter than ${argument.minLength} characters`;
  if (argument.pattern !== undefined && !new RegExp(argument.pattern, 'u').test(value)) return PATTERN_PROBLEMS[argument.pattern];
  if (argument.maxLength !== undefined && length > argument.maxLength) return `is longer than ${argument.maxLength} characters`;
  return undefined;
}

/** The call's arguments (none given is no arguments), or InvalidArguments naming the first problem. */
export function checkArguments<Schema extends InputSchema>(schema: Schema, input: unknown): ArgumentsOf<Schema> {
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) throw new InvalidArguments('its arguments must be an object');
  const values = given as Readonly<Record<string, unknown>>;
  for (const [name, argument] of Object.entries(schema.properties)) {
    if (!Object.hasOwn(values, name)) {
      if (schema.required?.includes(name)) throw new InvalidArguments(`${name} is missing`);
      continue;
    }
    const problem = problemOf(argument, values[name]);
    if (problem) throw new InvalidArguments(`${name} ${problem}`);
  }
  const takes = Object.keys(schema.properties);
  // The host's own key is not said back: what the tool takes is.
  if (Object.keys(values).some((key) => !Object.hasOwn(schema.properties, key))) {
    throw new InvalidArguments(`an argument it does not take (it takes ${takes.length === 0 ? 'none' : takes.join(', ')})`);
  }
  return values as ArgumentsOf<Schema>;
}
