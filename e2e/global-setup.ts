// Once per Playwright run: say which specs cannot run on this machine, and why.
import { ELECTRON_SKIP_REASON, electronBinary } from './support/electron-binary.js';

export default function globalSetup(): void {
  if (!electronBinary()) console.log(`e2e/electron-app.spec.ts is skipped: ${ELECTRON_SKIP_REASON}.`);
}
