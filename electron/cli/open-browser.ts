// Opens a URL in the user's browser from a terminal. Hand-written (a dozen lines) rather than the `open` package:
// the command only needs the three platform launchers and must fail fast, never hang, when none exists.
import { spawn } from 'node:child_process';
import { isWebAddress } from '../core/public.js';

export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  // The core checks each address against its service's hosts; this last gate keeps a file, a command or an option
  // (a leading "-") from ever reaching xdg-open, open or rundll32.
  if (!isWebAddress(url)) return Promise.reject(new Error('not an https address'));
  if (noDisplay(process.env, platform)) {
    return Promise.reject(new Error('no graphical session to open a browser in'));
  }
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    // ENOENT: no launcher, the caller falls back (and says which one was missing).
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} was not found`) : error),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/**
 * Linux with neither an X11 nor a Wayland display to open a browser on (a server, an SSH session without -X), the
 * test xdg-open makes itself: https://gitlab.freedesktop.org/xdg/xdg-utils/-/blob/master/scripts/xdg-open.in
 */
export function noDisplay(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): boolean {
  return platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}
