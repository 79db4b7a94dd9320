// Preloaded with `node --import` by tests that check what a command loads: every module specifier the
// process resolves is appended to the file named by BUDDY_TRACE_IMPORTS.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  if (process.env.BUDDY_TRACE_IMPORTS) fs.appendFileSync(process.env.BUDDY_TRACE_IMPORTS, specifier + '\\n');
  return next(specifier, context);
}`)}`,
);
