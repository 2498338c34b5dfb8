#!/usr/bin/env node
import('../dist/electron/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/electron/cli.js')) {
    console.error('sso-tray: the command is not built yet; run `npm run build` in the sso-tray folder.');
    process.exit(1);
  }
  throw error;
});
