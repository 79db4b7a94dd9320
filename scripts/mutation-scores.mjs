#!/usr/bin/env node
// The mutation scores the repository holds itself to, kept in `mutation-scores.json` and checked by CI.
//
// A full Stryker run takes far longer than CI has (docs/testing.md, "Mutation testing"), so CI does not
// run it. Instead, each mutated file's last measured result is recorded with a hash of the source it was
// measured on, and CI checks two things, in a fraction of a second:
//   - every file Stryker mutates (stryker.config.mjs `mutate`) was measured as it is now: a changed file
//     fails until its mutants are measured again;
//   - every room (src/<room>/) scores at least the configured threshold.
//
//   node scripts/mutation-scores.mjs record [REPORT...]   fold Stryker JSON reports into the record
//   node scripts/mutation-scores.mjs check                what CI runs
//
// REPORT defaults to reports/mutation/mutation.json, the report every `npm run mutate` writes; an
// incremental or one-room run records just the files it reports, and leaves the others' results as
// they are.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RECORD = path.join(ROOT, 'mutation-scores.json');
const DEFAULT_REPORT = path.join(ROOT, 'reports/mutation/mutation.json');

/** Stryker's statuses, by how the score counts them (Ignored, CompileError and RuntimeError count for neither). */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** A mutate pattern as a test on a path relative to the root: `**` any folders, `*` within one name. */
function patternTest(pattern) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern[i] === '*') source += '[^/]*';
    else source += pattern[i].replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  const expression = new RegExp(`^${source}$`);
  return (file) => expression.test(file);
}

function filesUnder(folder) {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(relative) : [relative];
  });
}

/** The files stryker.config.mjs mutates, as Stryker reads its list: in order, a `!` pattern taking files out. */
async function mutatedFiles() {
  const { default: config } = await import(path.join(ROOT, 'stryker.config.mjs'));
  const chosen = new Set();
  const all = filesUnder('src');
  for (const pattern of config.mutate) {
    const negated = pattern.startsWith('!');
    const matches = patternTest(negated ? pattern.slice(1) : pattern);
    for (const file of all.filter(matches)) {
      if (negated) chosen.delete(file);
      else chosen.add(file);
    }
  }
  return { files: [...chosen].sort(), threshold: config.thresholds.break };
}

const roomOf = (file) => file.split('/')[1];

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${what} ${path.relative(ROOT, file)}: ${error.message}`);
  }
}

function countStatuses(mutants) {
  const counts = { detected: 0, undetected: 0, ignored: 0 };
  for (const { status } of mutants) {
    if (DETECTED.has(status)) counts.detected++;
    else if (UNDETECTED.has(status)) counts.undetected++;
    else counts.ignored++;
  }
  return counts;
}

const score = ({ detected, undetected }) => (detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected));

async function record(reports) {
  const previous = (() => {
    try {
      return readJson(RECORD, 'the record').files;
    } catch {
      return {};
    }
  })();
  const files = { ...previous };
  for (const report of reports.length > 0 ? reports : [DEFAULT_REPORT]) {
    const { files: measured } = readJson(report, 'the Stryker report');
    for (const [name, { source, mutants }] of Object.entries(measured)) {
      const file = path.relative(ROOT, path.resolve(ROOT, name)).split(path.sep).join('/');
      const current = readFileSync(path.join(ROOT, file), 'utf8');
      if (current !== source) {
        console.error(`mutation-scores: ${file} changed since ${path.relative(ROOT, report)} measured it; not recorded (measure it again)`);
        continue;
      }
      files[file] = { sha256: sha256(source), ...countStatuses(mutants) };
    }
  }
  const { files: mutated } = await mutatedFiles();
  const kept = Object.fromEntries(Object.entries(files).filter(([file]) => mutated.includes(file)).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(RECORD, `${JSON.stringify({ files: kept }, null, 2)}\n`);
  console.log(`recorded ${Object.keys(kept).length} files in ${path.relative(ROOT, RECORD)}`);
}

async function check() {
  const { files: recorded } = readJson(RECORD, 'the record');
  const { files: mutated, threshold } = await mutatedFiles();
  const problems = [];
  const rooms = new Map();
  for (const file of mutated) {
    const entry = recorded[file];
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    if (!entry) problems.push(`${file} has never been measured`);
    else if (entry.sha256 !== sha256(source)) problems.push(`${file} changed since its mutants were measured`);
    if (!entry) continue;
    const room = rooms.get(roomOf(file)) ?? { detected: 0, undetected: 0, ignored: 0, files: 0 };
    room.detected += entry.detected;
    room.undetected += entry.undetected;
    room.ignored += entry.ignored;
    room.files++;
    rooms.set(roomOf(file), room);
  }
  console.log(`room          files  mutants  score (at least ${threshold} %)`);
  for (const [room, counts] of [...rooms].sort(([a], [b]) => a.localeCompare(b))) {
    const roomScore = score(counts);
    const mark = roomScore >= threshold ? ' ' : '✗';
    console.log(`${mark} ${room.padEnd(12)} ${String(counts.files).padStart(5)}  ${String(counts.detected + counts.undetected).padStart(7)}  ${roomScore.toFixed(1)} %`);
    if (roomScore < threshold) problems.push(`src/${room} scores ${roomScore.toFixed(1)} %, under ${threshold} %`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`mutation-scores: ${problem}`);
    console.error('Measure the files again (`npx stryker run --incremental --mutate FILE`), then `node scripts/mutation-scores.mjs record` (docs/testing.md).');
    process.exitCode = 1;
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'record') await record(rest);
  else if (command === 'check') await check();
  else throw new Error('usage: mutation-scores.mjs record [REPORT...] | check');
} catch (error) {
  console.error(`mutation-scores: ${error.message}`);
  process.exitCode = 1;
}
