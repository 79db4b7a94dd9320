// Usage text. Kept in one place so `buddy --help` and README stay in step.
export const VERSION = '0.1.0';

export const HELP = `buddy — a small companion that lives in your terminal

Usage:
  buddy                         meet your buddy (hatches it the first time)
  buddy roll [ID]               show the buddy an ID rolls (yours without ID)
      --json                    print the JSON form
      --hash HEX64              roll from an idHash instead of an ID
      --salt S                  use another salt (default friend-2026-401)
      --batch                   read IDs from stdin, one JSON line each
  buddy whoami [--show]         your ID's hash and where the ID came from
  buddy odds [--sample N]       exact odds; --sample adds observed frequencies
  buddy hunt --species S        search salts for a wanted buddy for your ID
      [--rarity R] [--shiny]
  buddy dex [--species NAME]    every species with its odds and art
      [--shiny] [--eye E] [--hat H] [--frame F]
  buddy hatch [--again]         write your buddy's name and personality
  buddy rename NAME             give your buddy another name
  buddy say "MESSAGE"           talk to your buddy (it answers when called by name)
  buddy statusline              print the buddy for an agent CLI's status line
  buddy hook prompt|session-start   Claude Code hooks
  buddy install claude-code     add the statusline and hooks to Claude Code
  buddy uninstall claude-code   remove them again
  buddy doctor                  check the whole setup
  buddy mute | unmute           silence or wake the statusline chatter
  buddy config [KEY [VALUE]]    show or change settings

Common options:
  --user ID                     whose buddy (default: BUDDY_USER_ID, Claude Code account, local ID)
  --no-anim                     a still buddy
  -h, --help                    this help
  -V, --version                 the version
`;
