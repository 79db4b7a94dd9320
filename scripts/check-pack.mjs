// Fails when `npm pack` would publish anything users must not get: source maps, tests, fixtures,
// sources, env files; and when it would miss the bin.
import { execFileSync } from 'node:child_process';

const report = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = report[0].files.map((file) => file.path);
const forbidden = files.filter(
  (file) =>
    /\.map$/.test(file) ||
    /(^|\/)(tests?|__tests__|fixtures|src|bench|\.ci)\//.test(file) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
    /(^|\/)\.env/.test(file) ||
    /\.tsx?$/.test(file),
);
const required = ['dist/buddy.js', 'dist/package.json', 'dist/dispatch.mjs', 'dist/fast-path.cjs', 'dist/statusline.sh', 'dist/roll-worker.mjs', 'dist/hunt-worker.mjs', 'dist/mcp.cjs', 'dist/mcp-tools.mjs', 'package.json', 'README.md'];
const missing = required.filter((file) => !files.includes(file));
console.log(`npm pack would publish ${files.length} files (${(report[0].unpackedSize / 1024).toFixed(0)} KiB unpacked)`);
if (forbidden.length > 0 || missing.length > 0) {
  for (const file of forbidden) console.error(`  must not publish: ${file}`);
  for (const file of missing) console.error(`  missing from the package: ${file}`);
  process.exit(1);
}
console.log('package contents OK: no source maps, tests, fixtures or sources');
