// Once per Playwright run: stop at once, in one line, when there is no Chromium; say which specs cannot run here.
import { findBrowser } from '../scripts/find-browser.mjs';
import { ELECTRON_SKIP_REASON, electronBinary } from './support/electron-binary.js';

export default function globalSetup(): void {
  const { missing } = findBrowser();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  if (!electronBinary()) console.log(`e2e/electron-app.spec.ts is skipped: ${ELECTRON_SKIP_REASON}.`);
}
