// What the terminal at hand can take, decided from the environment in one place so that every face (the
// live pet, printed cards, the statusline) agrees: whether it can redraw a screen in place, and whether it
// can show characters beyond ASCII. Colour is decided beside the palette (colorEnabled in ansi.ts). Pure:
// the environment and platform are passed in.

/**
 * TERM values that name a terminal with no cursor addressing: `dumb` (Emacs' shell, many CI consoles and
 * IDE output panes), `emacs` (older Emacs shells) and `unknown` (what some systems set when they cannot
 * tell). Escape sequences there arrive as junk.
 */
const NO_CURSOR_TERMS = ['dumb', 'emacs', 'unknown'] as const;

/**
 * Whether the terminal can move the cursor, hide it and redraw in place: what the live pet and every
 * animation need. No TERM at all on Unix means nothing describes the terminal (cron, a service, a bare
 * pseudo-terminal), so it gets printed output; Windows consoles set no TERM and understand VT sequences.
 */
export function canRedraw(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const term = (env.TERM ?? '').trim().toLowerCase();
  if (term === '') return platform === 'win32';
  return !NO_CURSOR_TERMS.some((name) => term === name || term.startsWith(`${name}-`));
}

/** The locale that decides the character set: the first of LC_ALL, LC_CTYPE and LANG that is set. */
export function ctypeLocale(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** DEC's own terminals (vt52 to vt520) and their emulations know no UTF-8. */
const SEVEN_BIT_TERM = /^vt\d/i;

/**
 * Whether to draw in ASCII only: asked for with --ascii, a locale that names another character set
 * (`C`, `POSIX`, `en_US.ISO-8859-1`), or a DEC vt terminal. With no locale set at all nothing says the
 * terminal cannot take UTF-8 (Windows sets none, nor do many containers), so it is used.
 */
export function asciiOnly(env: NodeJS.ProcessEnv, asciiFlag: boolean | undefined): boolean {
  if (asciiFlag === true) return true;
  if (SEVEN_BIT_TERM.test(env.TERM ?? '')) return true;
  const locale = ctypeLocale(env);
  return locale !== undefined && !/utf-?8/i.test(locale);
}
