// Property: whatever the user does to their settings between install and uninstall (set, change or
// delete their keys, add hooks of their own, take out one of Buddy's hooks or the statusLine, let a
// tool reformat the whole file), uninstall keeps all of it and takes out only Buddy's part. With no
// edit at all, the bytes come back exactly. The "user" edits with jsonc-parser, as an editor would.
import fc from 'fast-check';
import fs from 'node:fs';
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMMANDS, bytes, makeBench, put, type Bench } from './installer-support.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Settings = { [key: string]: Json };

let bench: Bench;
beforeAll(() => {
  bench = makeBench();
});
afterAll(() => {
  bench.cleanup();
});

const USER_KEYS = ['model', 'theme', 'env', 'permissions', 'includeCoAuthoredBy', 'cleanupPeriodDays', 'apiKeyHelper', 'outputStyle', 'ünïcödé key', 'a"quote'];
const EVENTS = ['UserPromptSubmit', 'SessionStart', 'PreToolUse', 'Stop'];

const jsonValue = fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as Json);
const userKey = fc.oneof(fc.constantFrom(...USER_KEYS), fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !['statusLine', 'hooks', '__proto__'].includes(key)));
const userGroup = fc.record({
  matcher: fc.option(fc.constantFrom('Bash', 'Edit|Write'), { nil: undefined }),
  command: fc.constantFrom('~/bin/log', 'codebuddy hook prompt', 'npx my-buddy hook session-start --fast', '/opt/study-buddy statusline'),
}).map(({ matcher, command }) => ({ ...(matcher ? { matcher } : {}), hooks: [{ type: 'command', command }] }) as Json);

const baseSettings: fc.Arbitrary<Settings | null> = fc.option(
  fc.record(
    {
      plain: fc.dictionary(userKey, jsonValue, { maxKeys: 5 }),
      statusLine: fc.option(
        fc.record({ type: fc.constant('command'), command: fc.constantFrom('~/bin/status.sh', "printf '%s\\n' \"$(date)\"\necho two", '/opt/study-buddy statusline'), padding: fc.option(fc.nat(4), { nil: undefined }) }),
        { nil: undefined },
      ),
      hooks: fc.option(fc.dictionary(fc.constantFrom(...EVENTS), fc.array(userGroup, { maxLength: 2 }), { maxKeys: 3 }), { nil: undefined }),
    },
    { requiredKeys: ['plain'] },
  ).map(({ plain, statusLine, hooks }) => {
    const settings: Settings = { ...plain };
    if (statusLine) settings.statusLine = JSON.parse(JSON.stringify(statusLine)) as Json;
    if (hooks) settings.hooks = hooks as Json;
    return settings;
  }),
  { nil: null },
);

interface Layout {
  readonly indent: string;
  readonly eol: string;
  readonly bom: boolean;
  readonly compact: boolean;
}
const layout = fc.record({ indent: fc.constantFrom('  ', '    ', '\t'), eol: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), compact: fc.boolean() });

function write(settings: Settings, form: Layout): string {
  const text = form.compact ? JSON.stringify(settings) : `${JSON.stringify(settings, null, form.indent)}\n`.replace(/\n/g, form.eol);
  return `${form.bom ? '\uFEFF' : ''}${text}`;
}

type UserEdit =
  | { readonly kind: 'set'; readonly key: string; readonly value: Json }
  | { readonly kind: 'set-env'; readonly key: string; readonly value: string }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'add-hook'; readonly event: string; readonly group: Json }
  | { readonly kind: 'remove-buddy-hook'; readonly event: 'UserPromptSubmit' | 'SessionStart' }
  | { readonly kind: 'remove-statusLine' }
  | { readonly kind: 'reformat'; readonly indent: number };

const userEdit: fc.Arbitrary<UserEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: userKey, value: jsonValue }),
  fc.record({ kind: fc.constant('set-env' as const), key: fc.constantFrom('ANTHROPIC_API_KEY', 'EDITOR', 'X'), value: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add-hook' as const), event: fc.constantFrom(...EVENTS), group: userGroup }),
  fc.record({ kind: fc.constant('remove-buddy-hook' as const), event: fc.constantFrom('UserPromptSubmit' as const, 'SessionStart' as const) }),
  fc.constant({ kind: 'remove-statusLine' as const }),
  fc.record({ kind: fc.constant('reformat' as const), indent: fc.constantFrom(0, 1, 3) }),
);

const isObject = (value: Json | undefined): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);
const BUDDY = new Set([COMMANDS.prompt, COMMANDS.sessionStart]);
const isBuddyGroup = (group: Json): boolean => isObject(group) && Array.isArray(group.hooks) && group.hooks.some((hook) => isObject(hook) && BUDDY.has(hook.command as string));

/** Applies one edit to the file the way an editor would, and to the model of what the user wants kept. */
function applyUserEdit(text: string, model: Settings, edit: UserEdit, options: FormattingOptions): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  // jsonc-parser's formatter can break a removal from an array written on one line; removals go unformatted.
  const change = (path: JSONPath, value: Json | undefined): string => {
    const next = applyEdits(body, modify(body, path, value, value === undefined ? {} : { formattingOptions: options }));
    JSON.parse(next);
    return `${bom}${next}`;
  };
  const current = JSON.parse(body) as Settings;
  switch (edit.kind) {
    case 'set':
      model[edit.key] = edit.value;
      return change([edit.key], edit.value);
    case 'set-env': {
      if (current.env !== undefined && !isObject(current.env)) return text;
      model.env = { ...(isObject(model.env) ? model.env : {}), [edit.key]: edit.value };
      return change(['env', edit.key], edit.value);
    }
    case 'delete': {
      const keys = Object.keys(current).filter((key) => key !== 'statusLine' && key !== 'hooks');
      const key = keys[edit.pick % Math.max(1, keys.length)];
      if (key === undefined) return text;
      Reflect.deleteProperty(model, key);
      return change([key], undefined);
    }
    case 'add-hook': {
      const hooks = isObject(model.hooks) ? model.hooks : {};
      const groups = Array.isArray(hooks[edit.event]) ? (hooks[edit.event] as Json[]) : [];
      model.hooks = { ...hooks, [edit.event]: [...groups, edit.group] };
      return change(['hooks', edit.event, -1], edit.group);
    }
    case 'remove-buddy-hook': {
      const groups = isObject(current.hooks) ? current.hooks[edit.event] : undefined;
      const index = Array.isArray(groups) ? groups.findIndex(isBuddyGroup) : -1;
      if (index < 0) return text;
      // jsonc-parser 3.3.1 cuts one character short when removing the last element of `[a,b]`: cut by hand.
      const list = findNodeAtLocation(parseTree(body)!, ['hooks', edit.event])!;
      const element = list.children![index]!;
      const previous = list.children![index - 1];
      const next = list.children![index + 1];
      const [from, to] = previous ? [previous.offset + previous.length, element.offset + element.length] : next ? [element.offset, next.offset] : [list.offset + 1, list.offset + list.length - 1];
      return `${bom}${body.slice(0, from)}${body.slice(to)}`;
    }
    case 'remove-statusLine':
      delete model.statusLine;
      return current.statusLine === undefined ? text : change(['statusLine'], undefined);
    case 'reformat':
      return `${bom}${JSON.stringify(current, null, edit.indent)}`;
  }
}

it('edits by hand between install and uninstall always survive uninstall', () => {
  fc.assert(
    fc.property(baseSettings, layout, fc.array(userEdit, { maxLength: 6 }), fc.boolean(), fc.boolean(), (base, form, edits, tabs, crlf) => {
      fs.rmSync(bench.records, { force: true });
      fs.rmSync(bench.userFile, { force: true });
      const original = base === null ? null : write(base, form);
      if (original !== null) put(bench.userFile, original);

      expect(bench.install({ wrap: true }).kind).toBe('installed');
      const model: Settings = base === null ? {} : (JSON.parse(JSON.stringify(base)) as Settings);
      const options: FormattingOptions = { insertSpaces: !tabs, tabSize: 2, eol: crlf ? '\r\n' : '\n' };
      let text = bytes(bench.userFile)!;
      for (const edit of edits) text = applyUserEdit(text, model, edit, options);
      fs.writeFileSync(bench.userFile, text);

      bench.uninstall();
      const after = bytes(bench.userFile);
      if (edits.length === 0) expect(after).toBe(original);
      const kept = after === null ? {} : (JSON.parse(after.replace(/^\uFEFF/, '')) as Settings);
      expect(kept).toEqual(model);
      expect(after ?? '').not.toContain(COMMANDS.statusline.split(' ')[1]);
    }),
    { seed: 20260101, numRuns: 300 },
  );
  // 600 real installs and uninstalls, each taking the records' lock and flushing the settings to disk.
}, 90_000);
