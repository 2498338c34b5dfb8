// The copy formats, their labels and the default shell, stated once for the core, the tray, the CLI and the window
// (the bytes of each format are the core's: electron/core/role-credentials/formats.ts). Imports nothing, so it loads in a web page too.

export const CREDENTIAL_FORMATS = Object.freeze([
  'env',
  'env-no-export',
  'powershell',
  'windows-cmd',
  'fish',
  'dotenv',
  'profile',
  'values',
  'process',
] as const);
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** Each format as menus, notifications and help name it. */
export const FORMAT_LABELS: Readonly<Record<CredentialFormat, string>> = Object.freeze({
  env: 'macOS and Linux (bash, zsh)',
  'env-no-export': 'Shell variables, not exported (bash, zsh)',
  powershell: 'PowerShell',
  'windows-cmd': 'Windows cmd',
  fish: 'fish shell',
  dotenv: '.env file',
  profile: 'AWS credentials file profile',
  values: 'Individual values',
  process: 'credential_process JSON',
});

/**
 * The environment-variable formats as the access portal's dialog offers them, in its order: `short` is the window's
 * tab, `shell` what the tray's one-click copy names in brackets ("Copy environment variables (bash, zsh)").
 */
export const SHELLS: ReadonlyArray<{ format: CredentialFormat; short: string; shell: string }> =
  Object.freeze([
    { format: 'env', short: 'macOS and Linux', shell: 'bash, zsh' },
    { format: 'windows-cmd', short: 'Windows cmd', shell: 'Windows cmd' },
    { format: 'powershell', short: 'PowerShell', shell: 'PowerShell' },
    { format: 'fish', short: 'fish', shell: 'fish' },
    { format: 'dotenv', short: '.env file', shell: '.env file' },
  ]);

/** The shell whose variables one click (the tray's first item, the quick-pick's Enter) copies. */
export function defaultShell(onWindows: boolean): 'powershell' | 'env' {
  return onWindows ? 'powershell' : 'env';
}
