#!/usr/bin/env node
// CommonJS (bin/package.json): credential_process starts this command for every AWS process a user runs, and a
// CommonJS script starts without Node's ES module loader; the program itself is an ES module, loaded only when no
// quick answer applies.
'use strict';
const { enableCompileCache } = require('node:module');
const path = require('node:path');

// Compiled code is cached on disk across runs (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir).
enableCompileCache?.();

const args = process.argv.slice(2);
const dist = path.join(__dirname, '..', 'dist', 'electron');
// The answers that come before the program, each one bundled file (scripts/build-cli-entry.mjs): credential_process's
// warm answer, a TAB's candidates and `exec` with cached credentials. Each says false when the program must answer (a miss, --help, a typo).
const quick = {
  process: ['process.cjs', 'answerProcess'],
  __complete: ['complete.cjs', 'answerCompletion'],
  exec: ['exec.cjs', 'answerExec'],
}[args[0]];

function notBuilt(error) {
  if (error?.code !== 'MODULE_NOT_FOUND' && error?.code !== 'ERR_MODULE_NOT_FOUND') return false;
  if (!String(error.message).includes(dist)) return false;
  console.error('sso-tray: the command is not built yet; run `npm run build` in the sso-tray folder.');
  process.exitCode = 1;
  return true;
}

function program() {
  // A specifier relative to this file: import() takes a URL, and an absolute Windows path is not one.
  return import('../dist/electron/cli.js').catch((error) => {
    if (!notBuilt(error)) throw error;
  });
}

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v'))
  process.stdout.write(`${require('../package.json').version}\n`);
else if (!quick) program();
else {
  let answer;
  try {
    answer = require(path.join(dist, 'quick', quick[0]))[quick[1]];
  } catch (error) {
    if (!notBuilt(error)) throw error;
  }
  answer?.(args, process.env).then((answered) => answered || program());
}
