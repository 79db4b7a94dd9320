// What a remark sends to the model is scrubbed of credentials by their shape: every provider's token, JWTs,
// Authorization headers, private keys, URL passwords and secret-looking assignments become ***, exactly
// where they stood, and ordinary code and text pass unchanged. Every secret here is fake, made up to match
// its format (built from pieces, so nothing in the repository looks like a live key).
import { describe, expect, it } from 'vitest';
import { HIDDEN } from '../../src/text/redact.js';
import { MAX_SECRET_SCAN_LENGTH, redactSecrets } from '../../src/text/secrets.js';

const MIXED = 'Zq3xR8vT1wLp9sKd2mN7bC4hJ6gF0aYe';
const FAKE = {
  anthropic: `sk-ant-api03-${MIXED}-${MIXED}AA`,
  openai: `sk-${MIXED}T3BlbkFJ${MIXED.slice(0, 12)}`,
  openaiProject: `sk-proj-${MIXED}_${MIXED}`,
  githubClassic: `ghp_${MIXED.slice(0, 20)}ab12cd34ef56gh`,
  githubOauth: `gho_${MIXED.slice(0, 36)}`,
  githubServer: `ghs_${MIXED.slice(0, 30)}Xy12Ab`,
  githubFine: `github_pat_11ABCDEFG0${MIXED.slice(0, 22)}_${MIXED}x`,
  gitlab: `glpat-${MIXED.slice(0, 20)}`,
  slackBot: `xoxb-1234567890-1234567890123-${MIXED.slice(0, 24)}`,
  slackUser: `xoxp-1234567890-${MIXED.slice(0, 12)}`,
  awsAccess: 'AKIA' + 'Q7RZ3XKD2MNB5TLW',
  awsSession: 'ASIA' + 'Z9Y8X7W6V5U4T3S2',
  google: `AIza${MIXED}abc`,
  stripe: `sk_live_${MIXED.slice(0, 24)}`,
  stripeRestricted: `rk_live_${MIXED.slice(0, 24)}`,
  npm: `npm_${MIXED}0123`,
  jwt: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${MIXED.slice(0, 20)}`,
};

describe('redactSecrets: provider tokens', () => {
  it.each(Object.entries(FAKE))('%s becomes *** where it stood', (_kind, secret) => {
    expect(redactSecrets(`before ${secret} after`)).toBe(`before ${HIDDEN} after`);
    expect(redactSecrets(`(${secret})`)).toBe(`(${HIDDEN})`);
    expect(redactSecrets(secret)).toBe(HIDDEN);
  });

  it('hides a key wherever it appears in a line', () => {
    expect(redactSecrets(`curl -s https://api.example.test/v1?x=1 --data '{"k":"${FAKE.openai}"}'`)).not.toContain(FAKE.openai);
    expect(redactSecrets(`Error: invalid x-api-key ${FAKE.anthropic} (401)`)).toBe(`Error: invalid x-api-key ${HIDDEN} (401)`);
  });

  it('leaves prefixes too short to be a token alone', () => {
    for (const text of ['sk-short', 'ghp_abc', 'glpat-abc', 'xoxb-12', 'AKIA1234', 'npm_install', 'AIza', 'sk_live_x', 'eyJhbGciOi.eyJ.abc']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

describe('redactSecrets: each token at the edge of its length', () => {
  const alnum = (n: number): string => 'aB3dE6gH9kLm2pQr5tUw8yZ1cF4jN7sVx0'.repeat(3).slice(0, n);
  it.each([
    ['sk-', 20],
    ['sk-ant-api03-', 10],
    ['ghp_', 20],
    ['gho_', 20],
    ['ghu_', 20],
    ['ghs_', 20],
    ['ghr_', 20],
    ['github_pat_', 20],
    ['glpat-', 20],
    ['xoxa-', 10],
    ['xoxb-', 10],
    ['xoxp-', 10],
    ['xoxo-', 10],
    ['xoxr-', 10],
    ['xoxs-', 10],
    ['AIza', 35],
    ['sk_live_', 10],
    ['sk_test_', 10],
    ['rk_live_', 10],
    ['rk_test_', 10],
    ['npm_', 36],
  ])('%s with %d characters is hidden, with one fewer it is not', (prefix, length) => {
    expect(redactSecrets(`a ${prefix}${alnum(length)} b`)).toBe(`a ${HIDDEN} b`);
    expect(redactSecrets(`a ${prefix}${alnum(length - 1)} b`)).toBe(`a ${prefix}${alnum(length - 1)} b`);
  });

  it('takes an AWS key ID of exactly twenty characters, upper case and digits', () => {
    const id = 'AKIA' + 'Q7RZ3XKD2MNB5TLW';
    expect(redactSecrets(`id=${id}.`)).toBe(`id=${HIDDEN}.`);
    for (const text of [`${id}X`, id.slice(0, 19), `ASIA${'q7rz3xkd2mnb5tlw'}`, `XAKIA${'Q7RZ3XKD2MNB5TLW'}`]) expect(redactSecrets(text)).toBe(text);
  });

  it('takes a JWT only with three parts of eight characters or more', () => {
    const part = `eyJ${'h'.repeat(8)}`;
    expect(redactSecrets(`${part}.${'x'.repeat(8)}.${'y'.repeat(8)}`)).toBe(HIDDEN);
    for (const text of [`eyJ${'h'.repeat(7)}.${'x'.repeat(8)}.${'y'.repeat(8)}`, `${part}.${'x'.repeat(7)}.${'y'.repeat(8)}`, `${part}.${'x'.repeat(8)}.${'y'.repeat(7)}`, `${part}.${'x'.repeat(8)}`]) {
      expect(redactSecrets(text)).toBe(text);
    }
  });

  it('takes a token only where a word starts', () => {
    for (const text of [`xghp_${alnum(30)}`, `task-${alnum(30)}`, `myglpat-${alnum(30)}`]) expect(redactSecrets(text)).toBe(text);
  });
});

describe('redactSecrets: headers, keys and URLs', () => {
  it.each([
    ['Authorization: Bearer abc.def-123', `Authorization: ${HIDDEN}`],
    ['authorization: Basic dXNlcjpwYXNzd29yZA==', `authorization: ${HIDDEN}`],
    ['Proxy-Authorization: Basic dXNlcjpwYXNz', `Proxy-Authorization: ${HIDDEN}`],
    ['Authorization: token 0123456789abcdef', `Authorization: ${HIDDEN}`],
    ['curl -H "Authorization: Bearer abc123" https://x.test', `curl -H "Authorization: ${HIDDEN}" https://x.test`],
    ['{"Authorization": "Bearer abc123", "Accept": "json"}', `{"Authorization": "${HIDDEN}", "Accept": "json"}`],
    ['Authorization : Bearer abc123', `Authorization : ${HIDDEN}`],
    ['Authorization:\tDigest username="x"', `Authorization:\t${HIDDEN}"x"`],
    ['Authorization: Negotiate YIIabc', `Authorization: ${HIDDEN}`],
    ['Authorization=Bearer  abc', `Authorization=${HIDDEN}`],
    ['preauthorization: Bearer abc', 'preauthorization: Bearer abc'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('hides each of two key blocks, and keeps what is between them', () => {
    const block = (label: string): string => `-----BEGIN ${label}PRIVATE KEY-----\nAAAA\n-----END ${label}PRIVATE KEY-----`;
    expect(redactSecrets(`${block('EC ')}\nbetween\n${block('')}`)).toBe(`${HIDDEN}\nbetween\n${HIDDEN}`);
    expect(redactSecrets(block(`${'A'.repeat(40)}`))).toBe(HIDDEN);
    expect(redactSecrets(block(`${'A'.repeat(41)}`))).toBe(block(`${'A'.repeat(41)}`));
  });

  it('hides a whole private key block, and an unterminated one to the end', () => {
    const block = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEpAIBAAKCAQEA1b2c3d4', 'e5f6g7h8==', '-----END RSA PRIVATE KEY-----'].join('\n');
    expect(redactSecrets(`key:\n${block}\ndone`)).toBe(`key:\n${HIDDEN}\ndone`);
    expect(redactSecrets(`-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nmore`)).toBe(HIDDEN);
    expect(redactSecrets('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toBe(HIDDEN);
    const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(redactSecrets(cert)).toBe(cert);
  });

  it('hides the password of a URL, up to its last @, and keeps the user, host and port', () => {
    expect(redactSecrets('https://alice:s3cr3t@db.example.test:5432/app')).toBe(`https://alice:${HIDDEN}@db.example.test:5432/app`);
    expect(redactSecrets('postgres://bob:p@ss@host/db')).toBe(`postgres://bob:${HIDDEN}@host/db`);
    for (const text of ['http://localhost:3000/api', 'https://example.test/a:b@c', 'git@github.com:org/repo.git', 'https://user@host/x', 'back at 10:30@home', 'https://a b:c@d']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

describe('redactSecrets: assignments of secret-looking names', () => {
  it.each([
    ['export DB_PASSWORD=hunter2', `export DB_PASSWORD=${HIDDEN}`],
    ['API_KEY: abc123', `API_KEY: ${HIDDEN}`],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY', `aws_secret_access_key = ${HIDDEN}`],
    ['{"client_secret": "s3cr3t-value", "client_id": "app-1"}', `{"client_secret": ${HIDDEN}, "client_id": "app-1"}`],
    ["password = 'hunter2'", `password = ${HIDDEN}`],
    ['GITHUB_TOKEN="abc" npm test', `GITHUB_TOKEN=${HIDDEN} npm test`],
    ['https://x.test/cb?code=1&access_token=abcdef&state=2', `https://x.test/cb?code=1&access_token=${HIDDEN}&state=2`],
    ['deploy --token abc123 --env prod', `deploy --token ${HIDDEN} --env prod`],
    ['login --password=hunter2', `login --password=${HIDDEN}`],
    ['SECRET=bare "quote', `SECRET=${HIDDEN} "quote`],
    ['token="unclosed to the end', `token=${HIDDEN}`],
    ["secret='unclosed to the end", `secret=${HIDDEN}`],
    ['mysql -password hunter2', `mysql -password ${HIDDEN}`],
    ['login --password "hunter two" now', `login --password ${HIDDEN} now`],
    ["login --password 'hunter two' now", `login --password ${HIDDEN} now`],
    ['API_KEY:"abc"', `API_KEY:${HIDDEN}`],
    ["API_KEY:'abc'", `API_KEY:${HIDDEN}`],
    ['token=abc.def', `token=${HIDDEN}`],
    ['token = call.chain(x)', `token = ${HIDDEN}.chain(x)`],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('keeps lines apart: a value never runs into the next line', () => {
    expect(redactSecrets('DB_PASSWORD=hunter2\nDB_HOST=localhost\nSECRET_KEY="x y"\nPORT=5432')).toBe(
      `DB_PASSWORD=${HIDDEN}\nDB_HOST=localhost\nSECRET_KEY=${HIDDEN}\nPORT=5432`,
    );
  });

  it('leaves values that are types, literals, references or already hidden', () => {
    const literals = ['string', 'number', 'boolean', 'undefined', 'null', 'true', 'false', 'any', 'unknown', 'none', 'None', 'nil', 'NULL'];
    for (const text of [...literals.map((word) => `apiKey: ${word}`), "token: 'null'", 'password = "false"', 'API_KEY=$API_KEY', 'const key = process.env.API_KEY', 'SECRET=""', `token: ${HIDDEN}`]) {
      expect(redactSecrets(text)).toBe(text);
    }
    for (const text of ['apiKey: strings', 'apiKey: xnull', 'key=process.envy', 'key=a$b', 'key="a$b"', "key='x'null"]) {
      expect(redactSecrets(text)).not.toBe(text);
    }
  });

  it('leaves a call, a flag with no value, and a reference after a flag', () => {
    for (const text of ['const token = makeToken(seed)', 'deploy --token --dry-run', 'deploy --token $TOKEN', 'deploy --token "$TOKEN"', 'deploy --token', 'x--token abc']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

describe('redactSecrets: ordinary text passes unchanged', () => {
  it.each([
    'keyboard: us',
    'author: Jane Doe',
    'const words = tokenize(source);',
    'tokens == 3 && key === other',
    'const tokenizer = makeTokenizer()',
    'commit 3f2a9c1b7e4d5a6f8091a2b3c4d5e6f708192a3b\nAuthor: Jane Doe <jane@example.test>\nDate:   Sun Dec 6',
    'FAIL tests/auth/login.test.ts > refuses an expired session (AssertionError: expected 401 to be 200)',
    'npm install --save-dev vitest',
    'src/store/keys.ts:12:3 - error TS2322: Type "string" is not assignable to type "number".',
    'std::map<Key, Value>::iterator it = m.begin();',
    'the task-runner-for-every-file-in-src ran',
    'ASK AKIA about it',
    'x => x.token',
    '',
  ])('%j', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('redactSecrets: size and time', () => {
  it('cuts text past the cap at a word, so no half token is left unseen', () => {
    const head = 'word '.repeat(10);
    const text = `${head}${FAKE.githubClassic}`;
    expect(redactSecrets(text, head.length + 6)).toBe(head.trimEnd());
    expect(redactSecrets(text, text.length)).toBe(`${head}${HIDDEN}`);
    expect(redactSecrets('x'.repeat(50), 10)).toBe('');
    expect(redactSecrets('a b', 3)).toBe('a b');
    expect(MAX_SECRET_SCAN_LENGTH).toBe(65_536);
    expect(redactSecrets('ab '.repeat(40_000)).length).toBeLessThanOrEqual(MAX_SECRET_SCAN_LENGTH);
  });

  it('scans hostile input of the cap in linear time', () => {
    const hostile = [
      'a.'.repeat(40_000),
      'sk-'.repeat(30_000),
      'x='.repeat(40_000),
      'token '.repeat(12_000),
      '-----BEGIN PRIVATE KEY-----'.repeat(3_000),
      'https://'.repeat(10_000) + 'a:'.repeat(10_000),
      '"'.repeat(60_000),
      '--token '.repeat(9_000),
      `a${'-'.repeat(60_000)}`,
      'eyJ' + 'a'.repeat(30_000) + '.'.repeat(30_000),
    ];
    const started = performance.now();
    for (const text of hostile) redactSecrets(text);
    // Quadratic work over 64 KB would take minutes; linear work takes milliseconds even on a busy machine.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
