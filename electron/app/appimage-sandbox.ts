// The AppImage on a system that restricts unprivileged user namespaces (Ubuntu 24.04 and later: electron/electron#42510,
// electron-builder#8440) can start only without Chromium's sandbox; electron-builder 26's AppRun then adds --no-sandbox
// itself (it probes `unshare -Ur true`: node_modules/app-builder-lib/out/targets/appimage/appImageUtil.js). The app says
// so in one line, with what keeps the sandbox on.

export const APPIMAGE_WITHOUT_SANDBOX =
  "SSO Tray is running without Chromium's sandbox: this system restricts user namespaces (as Ubuntu 24.04 does), " +
  'which an AppImage cannot change; install the .deb package instead, whose AppArmor profile keeps the sandbox on.';

/** The sentence to show when this is an AppImage started without the sandbox, else undefined. */
export function appImageSandboxNotice(env: NodeJS.ProcessEnv, argv: readonly string[]): string | undefined {
  return env.APPIMAGE && argv.includes('--no-sandbox') ? APPIMAGE_WITHOUT_SANDBOX : undefined;
}
