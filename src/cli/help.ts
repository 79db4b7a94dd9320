// Usage text. Kept in one place so `buddy --help` and README stay in step.
import { TOOL_LIST } from '../mcp/tool-names.js';

export const VERSION = '0.1.0';

export const HELP = `buddy — a small companion that lives in your terminal

Usage:
  buddy                         meet your buddy (hatches it the first time)
  buddy pet | feed              pet it, or give it a snack
  buddy status [--json]         its level, XP, stage, needs, mood and streak
  buddy achievements            earned achievements, and hints for the locked ones
  buddy roll [ID]               show the buddy an ID rolls (yours without ID)
      --json                    print the JSON form
      --hash HEX64              roll from an idHash instead of an ID
      --salt S                  use another salt (default friend-2026-401)
      --batch                   read IDs from stdin, one JSON line each
      --classic                 the classic roll (Claude Code's companion) instead of roll v1
      --hash-fn wyhash|fnv1a    the classic roll's seed function (default wyhash)
  buddy whoami [--show]         your ID's hash and where the ID came from
  buddy odds [--sample N]       exact odds; --sample adds observed frequencies (--classic too)
  buddy hunt --species S        search salts for a wanted buddy for your ID (--classic too)
      [--rarity R] [--shiny]
  buddy dex [--species NAME]    every species with its odds and art
      [--shiny] [--eye E] [--hat H] [--frame F]
  buddy hatch [--again]         write your buddy's name and personality
  buddy rename NAME             give your buddy another name
  buddy say "MESSAGE"           talk to your buddy (it answers when called by name)
  buddy log [--since 2h] [-n N] what it said lately, from its journal
      [--json] [--follow] [--clear]
  buddy card [--svg [FILE]]     its card; as a standalone SVG, or a PNG with --png FILE
      [--png FILE]
  buddy list                    your buddy and the archived ones
  buddy switch [NAME]           hatch this identity's buddy, or bring NAME back (the other is archived)
  buddy rescue                  bring back the buddy Claude Code hatched on this machine
  buddy statusline              print the buddy for an agent CLI's status line
  buddy hook prompt|session-start   Claude Code hooks
  buddy install claude-code     add the statusline and hooks to Claude Code
      [--project] [--wrap] [--mcp]  (--mcp: register the MCP server there too)
  buddy install codex|gemini    register Buddy's MCP server with Codex or Gemini CLI
  buddy uninstall HOST          take Buddy out of claude-code, codex or gemini again
  buddy mcp                     the MCP server (an agent CLI starts it)
  buddy doctor                  check the whole setup
  buddy mute | unmute           silence or wake the statusline chatter
  buddy config [KEY [VALUE]]    show or change settings (VALUE default, or --unset, resets one)

Common options:
  --user ID                     whose buddy (default: BUDDY_USER_ID, Claude Code account, local ID)
  --no-anim                     a still buddy
  --ascii                       ASCII only: the pet, card, roll, hatch and statusline (as when the
                                locale is not UTF-8, e.g. LANG=C)
  -h, --help                    this help (buddy COMMAND --help for one command)
  -V, --version                 the version
`;

const USER = '      --user ID                 whose buddy (default: BUDDY_USER_ID, Claude Code account, local ID)';
const ASCII = '      --ascii                   draw in ASCII only (also when the locale is not UTF-8, e.g. LANG=C)';

/** `buddy --no-anim --help`: the pet's own usage (the pet is `buddy` with no command). */
export const OPEN_PET_HELP = `Usage: buddy [--user ID] [--no-anim] [--ascii]
  Meet your buddy: the pet on a terminal (hatching it the first time), its card when piped or when the
  terminal cannot redraw in place (TERM=dumb).
${USER}
      --no-anim                 a still buddy
${ASCII}`;

/** `buddy COMMAND --help`: one command's usage. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  pet: `Usage: buddy pet [--no-anim]
  Pet your buddy (as p does in the pet): a little XP, a cheerful buddy, and any level-up or achievement
  it brings.`,
  feed: `Usage: buddy feed [--no-anim]
  Give your buddy a snack (as f does in the pet): it fills half its belly and earns a little XP.`,
  status: `Usage: buddy status [--json]
  Your buddy's level, XP, stage, needs, mood, care streak and achievements count.
      --json                    print one JSON object (for scripts)`,
  achievements: `Usage: buddy achievements [--json]
  Every achievement: the earned ones with the date, the locked ones with a hint.
      --json                    print one JSON object (for scripts)`,
  roll: `Usage: buddy roll [ID] [--json] [--hash HEX64] [--salt S] [--ascii]
       buddy roll --classic [ID] [--hash-fn wyhash|fnv1a] [--json] [--salt S]
       buddy roll --batch [--classic [--hash-fn F]] [--salt S] < ids.txt
  Show the buddy an ID rolls (yours without ID). Nothing is stored.
      --json                    print the JSON form
      --hash HEX64              roll from an idHash instead of an ID (roll v1 only)
      --salt S                  use another salt (default friend-2026-401)
      --classic                 the classic roll: the companion Claude Code gave this ID
      --hash-fn wyhash|fnv1a    its seed function: wyhash (native installer, the default) or
                                fnv1a (npm install)
      --batch                   read IDs from stdin, one per line; one JSON line each, in order.
                                A bad line (empty, too long, over 64 KB, not UTF-8) becomes
                                {"line":N,"error":"..."} and reading goes on; exit 1 if any line failed.
${ASCII}
${USER}`,
  whoami: `Usage: buddy whoami [--show] [--user ID]
  Your ID's hash and where the ID came from.
      --show                    also print the ID itself (control characters removed)
${USER}`,
  odds: `Usage: buddy odds [--sample N] [--json] [--classic [--hash-fn wyhash|fnv1a]]
  The exact odds of every rarity, species and shininess.
      --sample N                roll IDs sample-0 … sample-(N-1) and test the observed frequencies
      --json                    print the JSON form
      --classic                 the classic roll's odds (its sample uses --hash-fn, default wyhash)`,
  hunt: `Usage: buddy hunt [--species S] [--rarity R] [--shiny] [--hash HEX64] [--json]
       buddy hunt --classic [--species S] [--rarity R] [--shiny] [--hash-fn wyhash|fnv1a] [--json]
  Search salts, on every core, until one gives the wanted buddy for your ID. Ctrl-C stops.
      --classic                 hunt with the classic roll (any species at any rarity)
${USER}`,
  dex: `Usage: buddy dex [--species NAME] [--shiny] [--eye E] [--hat H] [--frame F]
  Every species with its odds and art, or one species with a variant.`,
  hatch: `Usage: buddy hatch [--again] [--yes] [--ascii] [--user ID]
  Write your buddy's name and personality and keep them.
      --again                   write the next soul (a different one each time, offline too);
                                a name given with buddy rename is replaced too. After the
                                language changed, it first offers the same soul in the new
                                language, under the same name (this needs an API key)
  -y, --yes                     do not ask (and take that offer)
${ASCII}
${USER}`,
  rename: `Usage: buddy rename NAME
  Give your buddy another name (one word of letters, at most 14).`,
  say: `Usage: buddy say "MESSAGE" [--json] [--user ID]
  Talk to your buddy; it answers when called by name, otherwise it emotes.
      --json                    print {name, text, addressed, source}
${USER}`,
  log: `Usage: buddy log [--since WHEN] [-n N] [--json] [--follow]
       buddy log --clear [--yes]
  What your buddy said, in every face (the pet, say, the statusline's reactions, replies and greetings),
  oldest first. Without --since or -n: the last 20 lines.
      --since WHEN              only lines since then: 30m, 2h, 7d, 1h30m, or a date such as 2026-05-01
  -n, --lines N                 only the last N lines
      --json                    one JSON object per line: {at, source, session, name, mood, text}
  -f, --follow                  keep printing new lines as they are said (Ctrl-C stops)
      --clear                   empty the journal, after asking (-y, --yes: do not ask)`,
  card: `Usage: buddy card [--svg [FILE]] [--png FILE] [--ascii] [--user ID]
  Your buddy's card. --svg writes it as a standalone SVG image (to FILE, or to stdout), --png as a
  PNG image (this needs the @resvg/resvg-js package, which a clone of the repository installs).
${ASCII}
${USER}`,
  list: `Usage: buddy list [--user ID]
  The current buddy and the archived ones, with the identity each belongs to.
${USER}`,
  switch: `Usage: buddy switch [NAME] [--user ID]
  Without NAME: make this identity's buddy the current one (brought back from the archive, or
  hatched). With NAME: bring that archived buddy back. The buddy it replaces is archived with its
  soul, memory and dates, never deleted.
${USER}`,
  rescue: `Usage: buddy rescue [--hash-fn wyhash|fnv1a] [--name NAME] [--yes]
  Bring back the companion Claude Code hatched on this machine, from ~/.claude.json (or
  $CLAUDE_CONFIG_DIR/.claude.json), which is only read: its classic bones, name, personality and hatch
  date become the current buddy (the one it replaces is archived), and a muted companion mutes Buddy.
  Offline, no key needed; running it again changes nothing.
      --hash-fn wyhash|fnv1a    which runtime rolled it: wyhash (native installer) or fnv1a (npm);
                                asked on a terminal when they differ, wyhash otherwise
      --name NAME               a name for it, when the original does not fit Buddy's names
  -y, --yes                     with no companion record, hatch the classic bones with a new soul`,
  statusline: `Usage: buddy statusline [--layout compact|full] [--format plain|tmux] [--width N] [--wrap CMD] [--ascii]
  The buddy for an agent CLI's status line: reads the host's JSON on stdin (at most 1 MB) and always
  prints a line, within its time budget. Coloured unless NO_COLOR, FORCE_COLOR=0 or TERM=dumb says no
  (or a --format is given).
${ASCII}`,
  hook: `Usage: buddy hook prompt|session-start
  Claude Code hooks: read the hook's JSON on stdin (at most 1 MB) and answer within their budget.`,
  install: `Usage: buddy install claude-code [--project] [--wrap] [--mcp]
       buddy install codex
       buddy install gemini [--project]
  claude-code: add the statusline and hooks to Claude Code's settings (--project: this project's).
      --wrap                    keep a statusLine of your own: it runs first, then Buddy
      --mcp                     register the MCP server too: in the project's .mcp.json with
                                --project, otherwise print the \`claude mcp add\` command for your user
  codex: add [mcp_servers.buddy] to $CODEX_HOME/config.toml (default ~/.codex/config.toml).
  gemini: add mcpServers.buddy to ~/.gemini/settings.json (--project: .gemini/settings.json here).`,
  uninstall: `Usage: buddy uninstall claude-code|codex|gemini [--project]
  Take Buddy out again (claude-code: its statusline and hooks, and its .mcp.json entry with --project),
  leaving everything else, your changes since install included, as it is.`,
  mcp: `Usage: buddy mcp
  Buddy's MCP server on stdin and stdout. Agent CLIs start it themselves; register it with buddy install.
  tools     ${TOOL_LIST}
  resource  buddy://card`,
  doctor: `Usage: buddy doctor
  Check the whole setup (Node, identity, config, stored buddy, API key, Claude Code) and say what to fix.`,
  mute: `Usage: buddy mute
  Silence the statusline reactions and introductions until buddy unmute.`,
  unmute: `Usage: buddy unmute
  Wake the statusline reactions and introductions again.`,
  config: `Usage: buddy config [KEY [VALUE | default]] [--unset]
  Show or change settings: animation (on/off), statuslineLayout (compact/full), muted (on/off),
  model (a model name), language (a BCP 47 tag such as de, pt-BR or ja; the default comes from
  LC_ALL, LC_MESSAGES or LANG), care (on/off: needs, mood nagging and level-up bubbles; levels and
  achievements are earned either way). VALUE default, or --unset, returns KEY to its default.`,
};

/** True when a command's arguments ask for its help (before any '--'). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
