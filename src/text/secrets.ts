// Text that leaves the machine (a remark's facts and context, sent to the model) may quote anything a coding
// session printed: a key pasted into a shell, an `.env` file read by the agent, a curl command with its
// header, a private key. redactSecrets hides what looks like a credential by its shape, where redact.ts
// hides the credentials of one environment by their values. Pure; every pattern starts only where a match
// can begin and never scans a character twice from one start, so long input costs linear time, and input
// past a cap is cut before it is scanned.
import { HIDDEN, looksSecretName } from './redact.js';
import { cutToLength } from './sanitize.js';

/** Longer text is cut to this many characters before it is scanned. */
export const MAX_SECRET_SCAN_LENGTH = 64 * 1024;

// A private key block, to its END line or, unterminated, to the end of the text (half a key is still a key).
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----|$)/g;

// `Authorization: Bearer …`, `Proxy-Authorization: Basic …`, as a header line, a curl -H or a JSON field:
// the scheme and its value go together, so no half of it is left.
const AUTHORIZATION_HEADER = /(?<![\w-])((?:proxy-)?authorization)(["']?[ \t]*[:=][ \t]*["']?)(?:(?:bearer|basic|token|digest|negotiate)[ \t]+)?[^\s"',;]+/gi;

// A password in a URL: what follows the user name, up to the authority's last `@` (`user:p@ss@host`).
const URL_PASSWORD = /(?<=:\/\/)([^\s/?#@:]*):[^\s/?#]*@/g;

// Credentials of the common providers, by their published prefixes and lengths.
const PROVIDER_TOKENS: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{20,}/g, // Anthropic (sk-ant-…), OpenAI (sk-…, sk-proj-…)
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, // GitHub
  /\bglpat-[A-Za-z0-9_-]{20,}/g, // GitLab
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key IDs
  /\bAIza[A-Za-z0-9_-]{35}/g, // Google
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/g, // Stripe
  /\bnpm_[A-Za-z0-9]{36}/g, // npm
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT: header.payload.signature
];

// `NAME=value`, `export NAME=value`, `NAME: value` (YAML, INI), `"name": "value"` (JSON), `?name=value`.
// The name starts where a run of name characters starts (an option's dashes included); `==` is code (and
// `=>` has no value to hide), and a colon is a separator only before a space or a quote (`file.ts:12:3`
// is a place, not a value). A call (`token = makeToken(seed)`) is no value either.
const ASSIGNMENT = /(?<![\w.-])(["']?)(-{0,2}[A-Za-z_][\w.-]*)\1([ \t]*(?:=(?!=)|:(?=[ \t"']))[ \t]*)("[^"\n]*"?|'[^'\n]*'?|[^\s,;&"'`(){}[\]<>]+(?![(\w]))/g;

// `--token abc`, `--password hunter2`: a secret-looking flag and the word after it.
const SECRET_FLAG = /(?<![\w-])(--?[A-Za-z][\w-]*)([ \t]+)(?!-)([^\s"'`]+|"[^"\n]*"|'[^'\n]*')/g;

// Values that name no secret: types (`apiKey: string`), literals, references to one (`$API_KEY`), or one
// already hidden.
const NOT_A_SECRET = /^["']?(?:(?:string|number|boolean|undefined|null|true|false|any|unknown|none|nil|\*\*\*)?["']?|\$.*|process\.env\..*)$/i;

function hideAssignment(whole: string, quote: string, name: string, separator: string, value: string): string {
  if (!looksSecretName(name) || NOT_A_SECRET.test(value)) return whole;
  return `${quote}${name}${quote}${separator}${HIDDEN}`;
}

function hideFlag(whole: string, flag: string, space: string, value: string): string {
  if (!looksSecretName(flag) || NOT_A_SECRET.test(value)) return whole;
  return `${flag}${space}${HIDDEN}`;
}

/** Cut to the cap; a cut word at the end is dropped, so no half credential survives the scan unseen. */
function capped(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = cutToLength(text, maxLength);
  const lastSpace = cut.search(/\s\S*$/);
  return lastSpace === -1 ? '' : cut.slice(0, lastSpace);
}

/**
 * The text with everything that looks like a credential replaced by HIDDEN: provider keys and tokens, JWTs,
 * Authorization header values, private key blocks, passwords in URLs, and the values of secret-looking
 * names (`DB_PASSWORD=…`, `"client_secret": "…"`, `--token …`). Line breaks are kept. Text past `maxLength`
 * is cut first.
 */
export function redactSecrets(text: string, maxLength = MAX_SECRET_SCAN_LENGTH): string {
  let out = capped(text, maxLength)
    .replace(PEM_PRIVATE_KEY, HIDDEN)
    .replace(AUTHORIZATION_HEADER, (_whole, name: string, separator: string) => `${name}${separator}${HIDDEN}`)
    .replace(URL_PASSWORD, (_whole, user: string) => `${user}:${HIDDEN}@`);
  for (const pattern of PROVIDER_TOKENS) out = out.replace(pattern, HIDDEN);
  return out.replace(ASSIGNMENT, hideAssignment).replace(SECRET_FLAG, hideFlag);
}
