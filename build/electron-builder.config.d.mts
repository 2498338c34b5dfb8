// The types of electron-builder.config.mjs, for the packaging test.
import type { Configuration } from 'electron-builder';

export declare const fuses: {
  runAsNode: boolean;
  enableCookieEncryption: boolean;
  enableNodeOptionsEnvironmentVariable: boolean;
  enableNodeCliInspectArguments: boolean;
  enableEmbeddedAsarIntegrityValidation: boolean;
  onlyLoadAppFromAsar: boolean;
  grantFileProtocolExtraPrivileges: boolean;
};
export declare const ASAR_BUDGET_BYTES: number;
declare const config: Configuration & { executableName: string };
export default config;
