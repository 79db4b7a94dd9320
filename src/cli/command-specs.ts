// What every command is, declared once: its name, the line `buddy --help` gives it, its usage, what it
// does and the flags it takes. The command parses its arguments with these flags (args.ts), and the help,
// the overview and the dispatcher's table (command-table.ts) are made from them, so none can drift.
// Plain data, one constant per command: the statusline's and the MCP server's bundles keep only their own
// (esbuild drops the unused constants), never the rest of the help.
import { TOOL_LIST } from '../mcp/tools.js';

export interface BooleanFlag {
  readonly type: 'boolean';
  readonly short?: string;
  /** Its line in `buddy COMMAND --help`; further lines after a newline. */
  readonly help: string;
}

export interface StringFlag {
  readonly type: 'string';
  readonly short?: string;
  /** What its value is called in the usage: FILE, N, ID. */
  readonly value: string;
  readonly help: string;
}

export type FlagSpec = BooleanFlag | StringFlag;
export type Flags = Readonly<Record<string, FlagSpec>>;

export interface CommandSpec<F extends Flags = Flags> {
  /** The word after `buddy` (empty for the pet, which is `buddy` alone). */
  readonly name: string;
  /** Its positional arguments as the usage shows them: `[ID]`, `NAME`. */
  readonly args?: string;
  /** How many positional arguments it takes at most. */
  readonly positionals: number;
  /** Its line in `buddy --help`. */
  readonly summary: string;
  /**
   * The usage forms after `buddy `, when one derived from the name, args and flags says too little; each
   * flag appears in at least one of them.
   */
  readonly usage?: readonly string[];
  /** What it does, under the usage in `buddy COMMAND --help`; lines after a newline. */
  readonly about: string;
  readonly flags: F;
  /** Run by Buddy itself, never typed: left out of the overview and the README. */
  readonly hidden?: boolean;
}

const USER = { type: 'string', value: 'ID', help: 'whose buddy (default: BUDDY_USER_ID, Claude Code account, local ID)' } as const;
const NO_ANIM = { type: 'boolean', help: 'a still buddy' } as const;
const JSON_OBJECT = { type: 'boolean', help: 'print one JSON object (for scripts)' } as const;
const JSON_FORM = { type: 'boolean', help: 'print the JSON form' } as const;
const ASCII = { type: 'boolean', help: 'draw in ASCII only (also when the locale is not UTF-8, e.g. LANG=C)' } as const;
const CLASSIC_HASH_FN = { type: 'string', value: 'wyhash|fnv1a', help: "the classic roll's seed function (default wyhash)" } as const;

export const OPEN_PET = {
  name: '',
  positionals: 0,
  summary: 'meet your buddy (hatches it the first time)',
  about:
    'Meet your buddy: the pet on a terminal (hatching it the first time), its card when piped or when the\nterminal cannot redraw in place (TERM=dumb).',
  flags: { user: USER, 'no-anim': NO_ANIM, ascii: ASCII },
} as const satisfies CommandSpec;

export const PET = {
  name: 'pet',
  positionals: 0,
  summary: 'pet it: a little XP and a cheerful buddy',
  about: 'Pet your buddy (as p does in the pet): a little XP, a cheerful buddy, and any level-up or achievement\nit brings.',
  flags: { 'no-anim': NO_ANIM, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const FEED = {
  name: 'feed',
  positionals: 0,
  summary: 'give it a snack',
  about: 'Give your buddy a snack (as f does in the pet): it fills half its belly and earns a little XP.\nA full buddy turns it down, and earns nothing.',
  flags: { 'no-anim': NO_ANIM, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const STATUS = {
  name: 'status',
  positionals: 0,
  summary: 'its level, XP, stage, needs, mood and streak',
  about: "Your buddy's level, XP, stage, needs, mood, care streak and achievements count (before it hatches:\nthat it has not, and how to hatch it).",
  flags: { json: JSON_OBJECT, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const ACHIEVEMENTS = {
  name: 'achievements',
  positionals: 0,
  summary: 'earned achievements, and hints for the locked ones',
  about: 'Every achievement: the earned ones with the date, the locked ones with a hint.',
  flags: { json: JSON_OBJECT, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const TRICKS = {
  name: 'tricks',
  positionals: 0,
  summary: 'the tricks it knows, and the levels the rest come at',
  about: 'The tricks your buddy has learned, each with the level it came at, and the ones still to learn with the\nlevel each comes at. Press k in the pet, or run buddy trick NAME, to see one.',
  flags: { json: JSON_OBJECT, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const TRICK = {
  name: 'trick',
  args: 'NAME',
  positionals: 1,
  summary: 'perform a trick it knows (buddy tricks lists them)',
  about:
    'Your buddy performs a trick it has learned (buddy tricks lists them), in place on a terminal; piped, on\nTERM=dumb or with motion off, each of its frames is printed once. Nothing about it changes its growth.',
  flags: { 'no-anim': { type: 'boolean', help: 'print its frames instead of playing them' }, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const ROLL = {
  name: 'roll',
  args: '[ID]',
  positionals: 1,
  summary: 'show the buddy an ID rolls (yours without ID)',
  usage: [
    'roll [ID] [--json] [--hash HEX64] [--salt S] [--user ID] [--ascii]',
    'roll --classic [ID] [--hash-fn wyhash|fnv1a] [--json] [--salt S]',
    'roll --batch [--classic [--hash-fn F]] [--salt S] < ids.txt',
  ],
  about: 'Show the buddy an ID rolls (yours without ID). Nothing is stored.',
  flags: {
    json: JSON_FORM,
    hash: { type: 'string', value: 'HEX64', help: 'roll from an idHash instead of an ID (roll v1 only)' },
    salt: { type: 'string', value: 'S', help: 'use another salt (default friend-2026-401)' },
    classic: { type: 'boolean', help: 'the classic roll: the companion Claude Code gave this ID' },
    'hash-fn': { type: 'string', value: 'wyhash|fnv1a', help: 'its seed function: wyhash (native installer, the default) or\nfnv1a (npm install)' },
    batch: {
      type: 'boolean',
      help: 'read IDs from stdin, one per line; one JSON line each, in order.\nA bad line (empty, too long, over 64 KB, not UTF-8) becomes\n{"line":N,"error":"..."} and reading goes on; exit 1 if any line failed.',
    },
    user: USER,
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const WHOAMI = {
  name: 'whoami',
  positionals: 0,
  summary: "your ID's hash and where the ID came from",
  about: "Your ID's hash and where the ID came from.",
  flags: { show: { type: 'boolean', help: 'also print the ID itself (control characters removed)' }, user: USER },
} as const satisfies CommandSpec;

export const ODDS = {
  name: 'odds',
  positionals: 0,
  summary: 'exact odds; --sample adds observed frequencies',
  usage: ['odds [--sample N] [--json] [--classic [--hash-fn wyhash|fnv1a]] [--ascii]'],
  about: 'The exact odds of every rarity, species and shininess.',
  flags: {
    sample: { type: 'string', value: 'N', help: 'roll IDs sample-0 … sample-(N-1) and test the observed frequencies' },
    json: JSON_FORM,
    classic: { type: 'boolean', help: "the classic roll's odds" },
    'hash-fn': { ...CLASSIC_HASH_FN, help: "the seed function of the classic roll's sample (default wyhash)" },
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const HUNT = {
  name: 'hunt',
  positionals: 0,
  summary: 'search salts for a wanted buddy for your ID',
  usage: [
    'hunt [--species S] [--rarity R] [--shiny] [--hash HEX64] [--json] [--user ID] [--ascii]',
    'hunt --classic [--species S] [--rarity R] [--shiny] [--hash-fn wyhash|fnv1a] [--json]',
  ],
  about: 'Search salts, on every core, until one gives the wanted buddy for your ID. Ctrl-C stops.',
  flags: {
    species: { type: 'string', value: 'S', help: 'the species wanted' },
    rarity: { type: 'string', value: 'R', help: 'the rarity wanted (common, uncommon, rare, epic, legendary)' },
    shiny: { type: 'boolean', help: 'a shiny one' },
    hash: { type: 'string', value: 'HEX64', help: 'hunt for an idHash instead of your ID' },
    json: JSON_FORM,
    classic: { type: 'boolean', help: 'hunt with the classic roll (any species at any rarity)' },
    'hash-fn': CLASSIC_HASH_FN,
    user: USER,
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const DEX = {
  name: 'dex',
  positionals: 0,
  summary: 'every species with its odds and art',
  about: 'Every species with its odds and art, or one species with a variant.',
  flags: {
    species: { type: 'string', value: 'NAME', help: 'only this species (of either roll)' },
    shiny: { type: 'boolean', help: 'drawn shiny' },
    eye: { type: 'string', value: 'E', help: 'with these eyes (or their ASCII stand-ins: . * x O @ o)' },
    hat: { type: 'string', value: 'H', help: 'wearing this hat' },
    frame: { type: 'string', value: 'F', help: 'in this frame of its animation (default idle-0)' },
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const HATCH = {
  name: 'hatch',
  positionals: 0,
  summary: "write your buddy's name and personality",
  about: "Write your buddy's name and personality and keep them.",
  flags: {
    again: {
      type: 'boolean',
      help: 'write the next soul (a different one each time, offline too);\na name given with buddy rename is replaced too. After the\nlanguage changed, it first offers the same soul in the new\nlanguage, under the same name (this needs an API key)',
    },
    yes: { type: 'boolean', short: 'y', help: 'do not ask (and take that offer)' },
    user: USER,
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const RENAME = {
  name: 'rename',
  args: 'NAME',
  positionals: 1,
  summary: 'give your buddy another name',
  about: 'Give your buddy another name (one word of letters, at most 14).',
  flags: { ascii: ASCII },
} as const satisfies CommandSpec;

export const SAY = {
  name: 'say',
  args: '"MESSAGE"',
  positionals: 1,
  summary: 'talk to your buddy (it answers when called by name)',
  about: 'Talk to your buddy; it answers when called by name, otherwise it emotes. Before it hatches, it\nhatches first.',
  flags: { json: { type: 'boolean', help: 'print {name, text, addressed, source}' }, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const LOG = {
  name: 'log',
  positionals: 0,
  summary: 'what it said lately, from its journal',
  usage: ['log [--since WHEN] [-n N] [--json] [--follow] [--ascii]', 'log --clear [--yes]'],
  about:
    "What your buddy said, in every face (the pet, say, the statusline's reactions, replies and greetings),\noldest first. Without --since or -n: the last 20 lines.",
  flags: {
    since: { type: 'string', value: 'WHEN', help: 'only lines since then: 30m, 2h, 7d, 1h30m, or a date such as 2026-05-01' },
    lines: { type: 'string', short: 'n', value: 'N', help: 'only the last N lines' },
    json: { type: 'boolean', help: 'one JSON object per line: {at, source, session, name, mood, text}' },
    follow: { type: 'boolean', short: 'f', help: 'keep printing new lines as they are said (Ctrl-C stops)' },
    clear: { type: 'boolean', help: 'empty the journal, after asking' },
    yes: { type: 'boolean', short: 'y', help: 'with --clear: do not ask' },
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const MEMORY = {
  name: 'memory',
  positionals: 0,
  summary: 'what it keeps for you, and the last sessions\' highlights',
  usage: ['memory [--json] [--ascii]'],
  about:
    'The facts you asked your buddy to keep ("NAME, remember that ..."), numbered and dated, oldest first,\nand the highlights of its last days of sessions, from its journal: what broke, what went green again.\nbuddy forget N lets fact N go.',
  flags: { json: { type: 'boolean', help: 'print {name, facts: [{n, text, at}], highlights: [{day, weekday, text}]}' }, ascii: ASCII },
} as const satisfies CommandSpec;

export const FORGET = {
  name: 'forget',
  args: 'N',
  positionals: 1,
  summary: 'let a fact it keeps go (--all: every one)',
  usage: ['forget N [--ascii]', 'forget --all [--yes]'],
  about: 'Let fact N go, numbered as buddy memory lists them. --all lets every fact go, after asking.',
  flags: {
    all: { type: 'boolean', help: 'every fact, after asking' },
    yes: { type: 'boolean', short: 'y', help: 'with --all: do not ask' },
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const CARD = {
  name: 'card',
  positionals: 1,
  summary: 'its card; as an SVG or a PNG image too',
  usage: ['card [--svg [FILE|-]] [--png FILE|-] [--user ID] [--ascii]'],
  about:
    "Your buddy's card. --svg writes it as a standalone SVG image (to FILE, or to stdout), --png as a\nPNG image (through the PNG renderer that the npm package installs where it has a prebuilt binary).",
  flags: {
    svg: { type: 'boolean', help: 'the card as an SVG image, to FILE or stdout' },
    png: { type: 'string', value: 'FILE', help: 'the card as a PNG image, to FILE (- for stdout)' },
    user: USER,
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const LIST = {
  name: 'list',
  positionals: 0,
  summary: 'your buddy and the archived ones',
  about: 'The current buddy and the archived ones, each beside its short hash, with the identity each\nbelongs to.',
  flags: { user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const SWITCH = {
  name: 'switch',
  args: '[NAME|HASH]',
  positionals: 1,
  summary: "hatch this identity's buddy, or bring NAME back (the other is archived)",
  about:
    "Without NAME: make this identity's buddy the current one (brought back from the archive, or\nhatched). With NAME, or the short hash buddy list shows (for two buddies of one name): bring that\narchived buddy back. The buddy it replaces is archived with its soul, memory and dates, never deleted.",
  flags: { user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const RESCUE = {
  name: 'rescue',
  positionals: 0,
  summary: 'bring back the buddy Claude Code hatched on this machine',
  about:
    "Bring back the companion Claude Code hatched on this machine, from ~/.claude.json (or\n$CLAUDE_CONFIG_DIR/.claude.json), which is only read: its classic bones, name, personality and hatch\ndate become the current buddy (the one it replaces is archived), and a muted companion mutes Buddy.\nOffline, no key needed; running it again changes nothing.",
  flags: {
    'hash-fn': {
      type: 'string',
      value: 'wyhash|fnv1a',
      help: 'which runtime rolled it: wyhash (native installer) or fnv1a (npm);\nasked once on a terminal when they differ and kept with the buddy;\nwithout a terminal, the kept answer (or the one rescued before, else wyhash)',
    },
    name: { type: 'string', value: 'NAME', help: 'a name for it, when the original does not fit Buddy\'s names' },
    yes: { type: 'boolean', short: 'y', help: 'with no companion record, hatch the classic bones with a new soul' },
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const ADOPT = {
  name: 'adopt',
  positionals: 0,
  summary: 'make the buddy a hunted salt gives your buddy (the current one is archived)',
  usage: ['adopt --salt S [--yes] [--user ID] [--ascii]', 'adopt --classic --salt S [--hash-fn wyhash|fnv1a] [--yes] [--user ID]'],
  about:
    "Roll SALT for your identity (as buddy hunt prints it), show its card, and after a yes make it the\ncurrent buddy: the current one is archived with its soul, memory and growth, never deleted, and a\nbuddy of that roll already archived comes back as it was. buddy switch brings back your own buddy,\nbuddy switch NAME the adopted one; buddy list shows both.",
  flags: {
    salt: { type: 'string', value: 'S', help: 'the salt to adopt (buddy hunt finds one)' },
    classic: { type: 'boolean', help: 'roll it with the classic roll' },
    'hash-fn': CLASSIC_HASH_FN,
    yes: { type: 'boolean', short: 'y', help: 'adopt without asking (needed without a terminal)' },
    user: USER,
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const STATUSLINE = {
  name: 'statusline',
  positionals: 0,
  summary: "print the buddy for an agent CLI's status line",
  about:
    "The buddy for an agent CLI's status line: reads the host's JSON on stdin (at most 1 MB) and always\nprints a line, within its time budget.",
  flags: {
    layout: { type: 'string', value: 'compact|full', help: 'one line, or the sprite beside its name and words' },
    format: { type: 'string', value: 'plain|tmux', help: 'without colour, or in tmux colours (default: terminal colours)' },
    width: { type: 'string', value: 'N', help: 'the columns it may use (default: COLUMNS, the terminal, or 80)' },
    wrap: { type: 'string', value: 'CMD', help: "run your own status line command first, and show Buddy after its output" },
    ascii: ASCII,
  },
} as const satisfies CommandSpec;

export const HOOK = {
  name: 'hook',
  args: 'prompt|session-start|agent',
  positionals: 1,
  summary: 'agent CLI hooks (buddy install claude-code adds them)',
  about:
    "Agent CLI hooks: read the hook's JSON on stdin (at most 1 MB) and answer within their budget.\nprompt, session-start: Claude Code's. agent --host HOST [--event tool|stop]: after a tool ran or a\nturn ended in claude-code, codex, gemini, copilot or cursor, the buddy reacts (docs/hosts.md).",
  flags: {},
} as const satisfies CommandSpec;

/** `buddy hook agent`: any agent CLI's hook after a tool or a turn; parsed on its own, like `hook reply`. */
export const HOOK_AGENT = {
  name: 'hook agent',
  positionals: 0,
  summary: 'react to what an agent CLI did: a tool that ran, a turn that ended',
  about: "Map the host's hook JSON on stdin to an agent event and react; exit 0 whatever it is given.",
  flags: {
    host: { type: 'string', value: 'HOST', help: 'claude-code, codex, gemini, copilot or cursor' },
    event: { type: 'string', value: 'tool|stop', help: 'what the hook is for (default: the payload says)' },
  },
  hidden: true,
} as const satisfies CommandSpec;

/** The detached job `buddy hook prompt` starts to write the answer; the message comes in its environment. */
export const HOOK_REPLY = {
  name: 'hook reply',
  positionals: 0,
  summary: 'write the answer to a prompt that called the buddy',
  about: "Write the buddy's answer to BUDDY_HOOK_MESSAGE into the session's state, for the statusline.",
  flags: { session: { type: 'string', value: 'KEY', help: "the host's session" } },
  hidden: true,
} as const satisfies CommandSpec;

export const HOOK_REMARK = {
  name: 'hook remark',
  positionals: 0,
  summary: "write the model's remark on what a coding session just did",
  about: "Ask the model for the buddy's remark on BUDDY_REMARK_FACTS (within the remark budget) and put it in the session's state, for the statusline.",
  flags: { session: { type: 'string', value: 'KEY', help: "the host's session" } },
  hidden: true,
} as const satisfies CommandSpec;

export const INSTALL = {
  name: 'install',
  args: 'HOST',
  positionals: 1,
  summary: 'add Buddy to claude-code, codex, gemini, copilot or cursor',
  usage: [
    'install claude-code [--project] [--wrap] [--mcp] [--force]',
    'install codex [--hooks] [--force]',
    'install gemini [--project] [--hooks] [--force]',
    'install copilot [--hooks] [--force]',
    'install cursor [--project] [--hooks] [--force]',
  ],
  about:
    "claude-code: add the statusline and hooks to Claude Code's settings (--project: this project's).\ncodex: add [mcp_servers.buddy] to $CODEX_HOME/config.toml (default ~/.codex/config.toml).\ngemini: add mcpServers.buddy to ~/.gemini/settings.json (--project: .gemini/settings.json here).\ncopilot: add mcpServers.buddy to $COPILOT_HOME/mcp-config.json (default ~/.copilot/mcp-config.json).\ncursor: add mcpServers.buddy to ~/.cursor/mcp.json (--project: .cursor/mcp.json here).\n--hooks (codex, gemini, cursor, copilot): the MCP server, and the hooks that run `buddy hook agent`\nafter a tool and when a turn ends (copilot: in this repository's .github/hooks/buddy.json).",
  flags: {
    project: { type: 'boolean', help: "this project's settings instead of your user's" },
    wrap: { type: 'boolean', help: 'keep a statusLine of your own: it runs first, then Buddy' },
    mcp: {
      type: 'boolean',
      help: "register the MCP server too: in the project's .mcp.json with\n--project, otherwise print the `claude mcp add` command for your user",
    },
    hooks: { type: 'boolean', help: "also add the host's hooks after a tool and at the end of a turn\n(codex, gemini, cursor, copilot)" },
    force: {
      type: 'boolean',
      help: 'write the path of this copy even when it will not last (an npx cache,\na temporary folder, a clone): install refuses those otherwise',
    },
  },
} as const satisfies CommandSpec;

export const UNINSTALL = {
  name: 'uninstall',
  args: 'HOST',
  positionals: 1,
  summary: 'take Buddy out of claude-code, codex, gemini, copilot or cursor again (--all: everywhere)',
  usage: ['uninstall claude-code|codex|gemini|copilot|cursor [--project]', 'uninstall --all [--yes] [--purge [--export FILE]]'],
  about:
    'Take Buddy out again (claude-code: its statusline and hooks, and its .mcp.json entry with --project;\ncodex, gemini, cursor, copilot: the MCP server and the hooks --hooks added), leaving everything\nelse, your changes since install included, as it is. --all: from every host and scope it recorded\nor finds (user, and this project), after showing where and asking.',
  flags: {
    project: { type: 'boolean', help: "from this project's settings instead of your user's" },
    all: { type: 'boolean', help: 'from every host and scope Buddy recorded or finds, after asking' },
    purge: { type: 'boolean', help: "with --all: then delete Buddy's config, journal and cache too,\nafter a second question" },
    export: { type: 'string', value: 'FILE', help: 'with --purge: first keep your buddies and journal in FILE\n(buddy import FILE brings them back)' },
    yes: { type: 'boolean', short: 'y', help: 'with --all: do not ask (answers both questions)' },
  },
} as const satisfies CommandSpec;

export const EXPORT = {
  name: 'export',
  args: 'FILE',
  positionals: 1,
  summary: 'save your buddies, their souls, growth and journal in one file',
  about:
    "Write the current buddy and the archived ones (souls, memory, growth), the settings and the\njournal to FILE as one JSON archive (- for stdout); buddy import FILE brings them back, here or on\nanother machine. An existing FILE is replaced only with --force, and only when it is a regular file.",
  flags: { force: { type: 'boolean', help: 'replace FILE when it exists' } },
} as const satisfies CommandSpec;

export const IMPORT = {
  name: 'import',
  args: 'FILE',
  positionals: 1,
  summary: 'bring back the buddies and journal buddy export saved',
  about:
    "Bring back what buddy export wrote to FILE (- for stdin): checked whole before anything changes.\nThe buddies this machine has that the file does not are archived, never deleted; the settings\nand journal become the file's. On a machine with a buddy it says what changes and asks first.",
  flags: { yes: { type: 'boolean', short: 'y', help: 'do not ask' } },
} as const satisfies CommandSpec;

export const MCP = {
  name: 'mcp',
  positionals: 0,
  summary: 'the MCP server (an agent CLI starts it)',
  // Read when shown: the bundles that share this file without the MCP help (the statusline's) leave the tool table out.
  get about() {
    return `Buddy's MCP server on stdin and stdout: the tools ${TOOL_LIST},\nand the resource buddy://card. Agent CLIs start it themselves; register it with buddy install.`;
  },
  flags: {},
} as const satisfies CommandSpec;

export const DOCTOR = {
  name: 'doctor',
  positionals: 0,
  summary: 'check the whole setup',
  about: 'Check the whole setup (Node, identity, config, stored buddy, API key, Claude Code) and say what to fix.',
  flags: { ascii: ASCII },
} as const satisfies CommandSpec;

export const MUTE = {
  name: 'mute',
  positionals: 0,
  summary: 'silence the statusline chatter',
  about: 'Silence the statusline reactions and introductions until buddy unmute.',
  flags: {},
} as const satisfies CommandSpec;

export const UNMUTE = {
  name: 'unmute',
  positionals: 0,
  summary: 'wake the statusline chatter again',
  about: 'Wake the statusline reactions and introductions again.',
  flags: {},
} as const satisfies CommandSpec;

export const CONFIG = {
  name: 'config',
  args: '[KEY [VALUE]]',
  positionals: 2,
  summary: 'show or change settings',
  usage: ['config [KEY [VALUE | default]] [--unset] [--ascii]'],
  about:
    'Show or change settings: animation (on/off), statuslineLayout (compact/full), muted (on/off),\nmodel (a model name), language (a BCP 47 tag such as de, pt-BR or ja; the default comes from\nLC_ALL, LC_MESSAGES or LANG), care (on/off: needs, mood nagging and level-up bubbles; levels and\nachievements are earned either way), watch (on/local/off: model remarks on a coding session,\noffline ones only, or none), remarksPerHour (0-60 model remarks in any hour),\nremarkTokensPerDay (0-1000000 tokens a local day).',
  flags: { unset: { type: 'boolean', help: 'return KEY to its default (as VALUE default does)' }, ascii: ASCII },
} as const satisfies CommandSpec;

export const WARDROBE = {
  name: 'wardrobe',
  positionals: 0,
  summary: 'the items it has earned to wear, and how to earn the rest',
  about: 'Every wardrobe item: the earned ones with the date (the worn ones marked), the locked ones with a\nhint and how far along they are. Wear one with buddy wear ITEM.',
  flags: { json: JSON_OBJECT, user: USER, ascii: ASCII },
} as const satisfies CommandSpec;

export const WEAR = {
  name: 'wear',
  args: 'ITEM',
  positionals: 1,
  summary: 'wear an item it has earned (or --none)',
  usage: ['wear ITEM [--ascii]', 'wear --none [--ascii]'],
  about: 'Wear an earned item: a head item is drawn in place of the rolled hat (in the pet, the statusline and\nthe cards), a card accent colours the cards. One item per slot; --none takes everything off.',
  flags: { none: { type: 'boolean', help: 'take everything off (the rolled hat shows again)' }, ascii: ASCII },
} as const satisfies CommandSpec;
