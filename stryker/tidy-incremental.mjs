// A Stryker reporter that tidies the committed incremental file (stryker/incremental.json) once Stryker has
// written it. Stryker writes the whole mutation report there: with this machine's project path, the
// resolved options, the versions it found, and each killed mutant's failure message (which quotes the
// tests' temporary paths and changes on every run). Incremental mode reads only the mutated files' sources
// and mutants and the test files' sources and tests, so everything else is left out: the file holds no
// machine's details, and a rerun that changes nothing changes little in it.
import { readFile, writeFile } from 'node:fs/promises';

/** What incremental mode reads of each mutant; the rest of the result is left out. */
const MUTANT_FIELDS = ['id', 'mutatorName', 'replacement', 'location', 'status', 'static', 'testsCompleted', 'coveredBy', 'killedBy'];

function pick(record, fields) {
  return Object.fromEntries(fields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
}

export function tidyIncrementalReport(report) {
  const files = Object.fromEntries(
    Object.entries(report.files).map(([name, file]) => [name, { language: file.language, source: file.source, mutants: file.mutants.map((mutant) => pick(mutant, MUTANT_FIELDS)) }]),
  );
  return { schemaVersion: report.schemaVersion, thresholds: report.thresholds, files, testFiles: report.testFiles };
}

class TidyIncrementalReporter {
  static inject = ['options'];

  constructor(options) {
    this.options = options;
  }

  // Called after the incremental file is written (Stryker writes it when the report is complete).
  async wrapUp() {
    if (!this.options.incremental) return;
    const file = this.options.incrementalFile;
    const report = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, `${JSON.stringify(tidyIncrementalReport(report), null, 1)}\n`, 'utf8');
  }
}

export const strykerPlugins = [{ kind: 'Reporter', name: 'tidy-incremental', injectableClass: TidyIncrementalReporter }];
