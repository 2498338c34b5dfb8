// Test-only: what e2e/electron-app.spec.ts reaches in the real app through Playwright's electronApp.evaluate. Set only
// when SSO_TRAY_TEST_HOOKS=1 (the spec's environment), never in a user's app.
import type { Clipboard } from 'electron';
import { writeClipboard } from './clipboard-write.js';

interface TestHooks {
  /** The tray's menu has been built once. */
  trayBuilt(): boolean;
  /** The app's own way to put text on the clipboard (the last step of every copy). */
  copy(text: string): Promise<void>;
  /** What the quick-pick's global shortcut does (a runner cannot press a global key). */
  openQuickPick(): void;
}

export function exposeTestHooks(
  env: NodeJS.ProcessEnv,
  parts: { trayBuilt(): boolean; clipboard: Pick<Clipboard, 'writeText'>; openQuickPick(): void },
): void {
  if (env.SSO_TRAY_TEST_HOOKS !== '1') return;
  const hooks: TestHooks = {
    trayBuilt: parts.trayBuilt,
    copy: (text) => writeClipboard(parts.clipboard, text),
    openQuickPick: parts.openQuickPick,
  };
  (globalThis as { __ssoTrayTest?: TestHooks }).__ssoTrayTest = hooks;
}
