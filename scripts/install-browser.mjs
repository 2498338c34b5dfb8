// Postinstall: the window tests need Chromium. Where none is installed, try Playwright's download; where that cannot
// be reached, say in one line how to get one and let the install succeed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

let findBrowser;
try {
  ({ findBrowser } = await import('./find-browser.mjs'));
} catch {
  process.exit(0); // production install without dev dependencies: no tests to run
}
if (!findBrowser().missing) process.exit(0);
// The package exports its command line as `@playwright/test/cli` (its package.json "exports"), not `cli.js`.
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const result = spawnSync(process.execPath, [cli, 'install', 'chromium'], {
  encoding: 'utf8',
  timeout: 300_000,
  stdio: ['ignore', 'pipe', 'pipe'],
});
const after = findBrowser();
if (result.status === 0 && !after.missing) process.exit(0);
console.warn(after.missing);
