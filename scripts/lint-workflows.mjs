// `npm run lint`'s check of the GitHub Actions workflows: each file against the workflow schema with action-validator
// (@action-validator/core, WebAssembly from the npm registry: https://github.com/mpalmer/action-validator), one line a
// problem: the file, where in it, and what is wrong. Usage: node scripts/lint-workflows.mjs [folder]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.resolve(process.argv[2] ?? path.join(repo, '.github', 'workflows'));

/** The innermost problems of a oneOf (each alternative's own), so a line says what to fix, not "OneOf not met". */
function problems(error) {
  if (error.states?.length) {
    // The alternative with the fewest problems is the one the author meant.
    const closest = [...error.states].sort((a, b) => a.errors.length - b.errors.length)[0];
    return closest.errors.flatMap(problems);
  }
  return [`${error.path || '/'}: ${error.detail ?? error.title}`];
}

const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
if (files.length === 0) {
  console.error(`lint-workflows: no workflow files in ${path.relative(repo, folder) || folder}.`);
  process.exit(1);
}
let failed = 0;
for (const name of files) {
  const result = validateWorkflow(readFileSync(path.join(folder, name), 'utf8'));
  for (const line of new Set(result.errors.flatMap(problems))) {
    console.error(`${path.relative(repo, path.join(folder, name))} ${line}`);
    failed += 1;
  }
}
process.exit(failed > 0 ? 1 : 0);
