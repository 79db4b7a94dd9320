// The redactor every report goes through (doctor, whoami, error lines, the debug log): credentials in URLs,
// in `name=value` pairs and in secret-looking variables never print, nor do terminal escapes, and ordinary
// text (paths, model names, commands) is left exactly as it was.
import { describe, expect, it } from 'vitest';
import { HIDDEN, looksSecretName, MIN_HUNTED_LENGTH, redactLine, redactorFor, secretsOf, shownUrl } from '../../src/text/redact.js';

const ESC = '\u001b';
const BEL = '\u0007';

describe('looksSecretName', () => {
  it.each([
    'ANTHROPIC_API_KEY',
    'ANTHROPIC_AUTH_TOKEN',
    'GITHUB_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'PGPASSWORD',
    'DB_PASS',
    'MYSQL_PWD_PASSWD',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'NPM_CONFIG__AUTH',
    'OAUTH_CLIENT',
    'HTTP_AUTHORIZATION',
    'SESSION_COOKIE',
    'token',
    'key',
    'api_key',
    'apiKey',
    'access-token',
    'sig',
    'X-Amz-Signature',
    'X-Amz-Credential',
    'client_secret',
  ])('%s looks secret', (name) => {
    expect(looksSecretName(name)).toBe(true);
  });

  it.each(['PATH', 'HOME', 'PWD', 'OLDPWD', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'KEYBOARD_LAYOUT', 'BUDDY_MODEL', 'ANTHROPIC_BASE_URL', 'BUDDY_USER_ID', 'q', 'page', 'signal', 'passage', 'keyword', 'TERM', ''])(
    '%s does not',
    (name) => {
      expect(looksSecretName(name)).toBe(false);
    },
  );
});

describe('secretsOf', () => {
  it('hunts the values of secret-looking variables, not the others', () => {
    expect(secretsOf({ ANTHROPIC_API_KEY: 'sk-ant-123456', HOME: '/home/alice', BUDDY_MODEL: 'claude-haiku-4-5' })).toEqual(['sk-ant-123456']);
  });

  it('hunts the password and the secret query values of URL-valued variables, as the URL parser reads them', () => {
    const secrets = secretsOf({ ANTHROPIC_BASE_URL: 'https://alice:hunter%202@proxy.example/v1?api_key=keyvalue42&page=200000' });
    expect(secrets).toContain('hunter%202');
    expect(secrets).toContain('hunter 2');
    expect(secrets).toContain('keyvalue42');
    expect(secrets).not.toContain('alice');
    expect(secrets).not.toContain('200000');
    // The parser drops a newline inside the authority: the password it connects with is still hunted.
    expect(secretsOf({ ANTHROPIC_BASE_URL: 'https://alice:hunter2\n@proxy' })).toContain('hunter2');
  });

  it(`skips values shorter than ${MIN_HUNTED_LENGTH} characters, and lists the longest first`, () => {
    expect(secretsOf({ FEATURE_AUTH: 'on', SHORT_TOKEN: '12345', LONG_TOKEN: '123456', LONGER_TOKEN: '1234567' })).toEqual(['1234567', '123456']);
    expect(secretsOf({ EMPTY_TOKEN: '', UNSET_TOKEN: undefined })).toEqual([]);
  });
});

describe('redactLine', () => {
  it('leaves ordinary report text exactly as it was', () => {
    for (const text of [
      '✓ config /home/alice/.config/buddy/config.json',
      '✓ ANTHROPIC_API_KEY is set: souls and answers by claude-haiku-4-5 via https://proxy.example/v1',
      '· Claude Code (user): statusLine /opt/tool --flag=1 is not Buddy\'s, left alone',
      'https://proxy.example/search?q=cats&page=2',
      'Zoë the 日本語 😀 buddy',
    ]) {
      expect(redactLine(text)).toBe(text);
    }
  });

  it('hides a URL user name and password, whatever the scheme, up to the last @ of the authority', () => {
    expect(redactLine('via https://alice:hunter2@proxy.example/v1')).toBe(`via https://${HIDDEN}@proxy.example/v1`);
    expect(redactLine('ftp://bob:pw@files and http://tok3n@host/x?y')).toBe(`ftp://${HIDDEN}@files and http://${HIDDEN}@host/x?y`);
    expect(redactLine('https://alice:p@ss@proxy/v1')).toBe(`https://${HIDDEN}@proxy/v1`);
    // An @ after the path is not in the authority: nothing there to hide.
    expect(redactLine('https://proxy/users/@alice')).toBe('https://proxy/users/@alice');
  });

  it('hides the values of secret-looking name=value pairs: queries, fragments, commands, options', () => {
    expect(redactLine('https://proxy/v1?token=abc&page=2&sig=xyz#access_token=t0k')).toBe(`https://proxy/v1?token=${HIDDEN}&page=2&sig=${HIDDEN}#access_token=${HIDDEN}`);
    expect(redactLine('https://proxy/v1?key=K&api_key=A&apiKey=B')).toBe(`https://proxy/v1?key=${HIDDEN}&api_key=${HIDDEN}&apiKey=${HIDDEN}`);
    expect(redactLine('ANTHROPIC_API_KEY=sk-ant-1 GH_TOKEN="a b" node tool.js --password=\'x y\' --depth=3')).toBe(
      `ANTHROPIC_API_KEY=${HIDDEN} GH_TOKEN=${HIDDEN} node tool.js --password=${HIDDEN} --depth=3`,
    );
    // An unclosed quote hides up to the next space; a name is the whole run before `=`.
    expect(redactLine('run SECRET="abc def')).toBe(`run SECRET=${HIDDEN} def`);
    expect(redactLine('npm.config.authToken=abc keyboard.layout=us')).toBe(`npm.config.authToken=${HIDDEN} keyboard.layout=us`);
  });

  it('hides every occurrence of the secrets it is given, wherever they stand', () => {
    expect(redactLine('cannot open /tmp/sk-ant-123456/config (sk-ant-123456)', ['sk-ant-123456'])).toBe(`cannot open /tmp/${HIDDEN}/config (${HIDDEN})`);
    // Longest first: a secret that contains another is hidden whole.
    expect(redactLine('abcdefgh', ['abcdefgh', 'abcdef'])).toBe(HIDDEN);
  });

  it('strips escape sequences, controls and bidi marks with the terminal sanitiser', () => {
    expect(redactLine(`model ${ESC}[31mred${ESC}[0m ${ESC}]0;title${BEL}\u202eevil\u202c\u0007\u009b2J`)).toBe('model red evil');
    expect(redactLine('two\nlines\tand\u2028more')).toBe('two lines and more');
  });

  it('hides a secret whether an escape sits inside it in the text, or in the secret itself', () => {
    expect(redactLine(`key hun${ESC}[0mter2 here`, ['hunter2'])).toBe(`key ${HIDDEN} here`);
    expect(redactLine(`key hun${ESC}[0mter2 here`, [`hun${ESC}[0mter2`])).toBe(`key ${HIDDEN} here`);
    expect(redactLine(`https://alice:hun${ESC}[1mter2@proxy/`)).toBe(`https://${HIDDEN}@proxy/`);
  });

  it('cuts to the length asked only after hiding, so no half credential is left at the cut', () => {
    const text = `${'x'.repeat(20)}https://alice:hunter2@proxy/`;
    expect(redactLine(text, [], 34)).toBe(`${'x'.repeat(20)}https://${HIDDEN}@pr`);
    expect(redactLine(text, [], 34)).not.toContain('hunt');
    expect(redactLine('y'.repeat(2_000))).toHaveLength(1_000);
  });
});

describe('redactorFor', () => {
  it("hides one environment's secrets in every line it is given", () => {
    const redact = redactorFor({ ANTHROPIC_API_KEY: 'sk-ant-secret-1', ANTHROPIC_BASE_URL: 'https://alice:hunter2@proxy/v1' });
    expect(redact('dir /tmp/sk-ant-secret-1 and /srv/hunter2/x')).toBe(`dir /tmp/${HIDDEN} and /srv/${HIDDEN}/x`);
  });
});

describe('shownUrl', () => {
  it('names the URL as a client reads it, credentials hidden', () => {
    expect(shownUrl('https://alice:hunter2@proxy.example/v1?token=t0k&page=2')).toBe(`https://${HIDDEN}@proxy.example/v1?token=${HIDDEN}&page=2`);
    expect(shownUrl('https://proxy.example')).toBe('https://proxy.example/');
    expect(shownUrl(' http://localhost:8080/api ')).toBe('http://localhost:8080/api');
  });

  it('shows escapes in the path and query percent-encoded, never raw', () => {
    const shown = shownUrl(`https://proxy.example/${ESC}[31mv1?x=${ESC}]0;t${BEL}y`);
    expect(shown).toBe('https://proxy.example/%1B[31mv1?x=%1B]0;t%07y');
  });

  it('is undefined for what is no URL: no scheme, or a host with controls', () => {
    expect(shownUrl('proxy.example/v1')).toBeUndefined();
    expect(shownUrl(`https://pro${ESC}xy/`)).toBeUndefined();
    expect(shownUrl('')).toBeUndefined();
  });
});
