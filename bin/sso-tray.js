#!/usr/bin/env node
import module from 'node:module';

// Compiled code is cached on disk across runs, the command's own entry included when enabled before it loads
// (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir): credential_process starts this command for
// every AWS process a user runs.
module.enableCompileCache?.();

import('../dist/electron/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/electron/cli.js')) {
    console.error('sso-tray: the command is not built yet; run `npm run build` in the sso-tray folder.');
    process.exit(1);
  }
  throw error;
});
