// Electron 45's clipboard is asynchronous (electron.d.ts: writeText returns a Promise): "Copied" may be said only
// once the text is there, and a refused write is one sentence for the user, not an unhandled rejection.
import type { Clipboard } from 'electron';
import { SsoTrayError } from '../core/public.js';

export async function writeClipboard(clipboard: Pick<Clipboard, 'writeText'>, text: string): Promise<void> {
  try {
    await clipboard.writeText(text);
  } catch (error) {
    throw new SsoTrayError(
      'internal',
      'SSO Tray could not put the text on the clipboard (another app may be holding it); try the copy again.',
      { cause: error },
    );
  }
}
