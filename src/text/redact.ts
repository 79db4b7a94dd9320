// What Buddy reports about its environment (doctor, whoami, error lines, the debug log) quotes paths, URLs,
// commands and error text, and any of them can carry a credential or a terminal escape: a proxy URL with a
// password, a token in a query string, `API_KEY=… cmd` in a settings file, a directory name with an ESC
// in it. Every such line goes through redactLine: the terminal sanitiser first (sanitize.ts, the one
// place that knows escapes), then each credential becomes HIDDEN. Pure: the environment is passed in.
import { cutToLength, sanitizeLine } from './sanitize.js';

/** What a hidden credential prints as. */
export const HIDDEN = '***';

/** Shorter values are not hunted through text: they would hide ordinary words and guard nothing. */
export const MIN_HUNTED_LENGTH = 6;

// One word of a name (split at `_`, `-`, `.`, …), upper-cased. KEY only at a word's end (APIKEY, not
// KEYBOARD); AUTH at its start, but an AUTHOR is no credential; PWD is the current directory, not a password.
const SECRET_WORD = /^(?:.*(?:TOKEN|SECRET|PASSW|CREDENTIAL|COOKIE|BEARER).*|.*KEYS?|PASS|SIG|SIGNATURE|O?AUTH(?!ORS?$).*)$/;

/** Whether a variable's or a parameter's name says its value is a credential (GITHUB_TOKEN, api_key, sig). */
export function looksSecretName(name: string): boolean {
  return name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .some((word) => word !== '' && SECRET_WORD.test(word));
}

// Everything between `://` and the authority's last `@`: a user name, a password, or a token as the user
// name. Greedy, so `user:p@ss@host` hides all of `user:p@ss`. Both patterns start only where a match can
// (after `://`; at the start of a run of name characters), so each character is scanned a bounded number
// of times: a long line costs linear time, never quadratic.
const URL_USERINFO = /(?<=:\/\/)[^/?#\s]*@/g;
// `name=value` in a query string, a fragment, a command line or an option (`?token=…`, `--api-key=…`). An
// unclosed quote hides up to the next space.
const ASSIGNMENT = /(?<![\w.-])([\w.-]+)=("[^"]*"|'[^']*'|["']?[^\s&;#"'<>]*)/g;

/** A URL's credentials, exactly as the URL parser reads them (it drops tabs and newlines, decodes %xx). */
function urlSecrets(value: string): string[] {
  if (!value.includes(':')) return [];
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return [];
  }
  const found: string[] = [];
  if (url.password) found.push(url.password, decoded(url.password));
  for (const [name, parameter] of url.searchParams) if (looksSecretName(name)) found.push(parameter);
  return found;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The values to hunt through text for this environment: every variable whose name looks secret, and the
 * password and secret query values of every URL-valued variable. Longest first, so a value that contains
 * another is hidden whole.
 */
export function secretsOf(env: Readonly<Record<string, string | undefined>>): readonly string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (looksSecretName(name)) found.add(value).add(value.trim());
    for (const secret of urlSecrets(value)) found.add(secret);
  }
  return [...found].filter((secret) => secret.length >= MIN_HUNTED_LENGTH).sort((a, b) => b.length - a.length);
}

function hideValues(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(HIDDEN);
  return out;
}

/**
 * One line of a report, fit for a terminal and a file: no control characters, escape sequences or bidi
 * marks, line breaks as spaces, no `secrets`, no URL user name or password, no value of a secret-looking
 * `name=value`. Cut to `maxLength` only at the end, so a cut never leaves half a credential behind.
 */
export function redactLine(text: string, secrets: readonly string[] = [], maxLength = 1_000): string {
  // Secrets are hunted before sanitising (a secret with an escape in it) and after (an escape inside one).
  const sanitized = sanitizeLine(hideValues(text, secrets), Number.POSITIVE_INFINITY);
  const hidden = hideValues(sanitized, secrets.map((secret) => sanitizeLine(secret, Number.POSITIVE_INFINITY)).filter((secret) => secret.length >= MIN_HUNTED_LENGTH))
    .replace(URL_USERINFO, `${HIDDEN}@`)
    .replace(ASSIGNMENT, (whole, name: string) => (looksSecretName(name) ? `${name}=${HIDDEN}` : whole));
  return cutToLength(hidden, maxLength);
}

/** A redactor for one environment's reports: its secrets are found once. */
export function redactorFor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const secrets = secretsOf(env);
  return (text) => redactLine(text, secrets);
}

/**
 * A URL to name in a report (ANTHROPIC_BASE_URL): as the URL parser reads it, which is what a client
 * connects to, with its credentials hidden; undefined when it is no URL at all.
 */
export function shownUrl(value: string, secrets: readonly string[] = []): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const userinfo = url.username !== '' || url.password !== '';
  url.username = '';
  url.password = '';
  // The parser percent-encodes controls in the path and query, and refuses them in the host.
  const prefix = `${url.protocol}//`;
  const href = userinfo && url.href.startsWith(prefix) ? `${prefix}${HIDDEN}@${url.href.slice(prefix.length)}` : url.href;
  return redactLine(href, secrets);
}
