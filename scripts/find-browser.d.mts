export declare const NO_BROWSER: string;
export declare function findBrowser(
  env?: NodeJS.ProcessEnv,
  systemBrowsers?: readonly string[],
): { executablePath?: string; missing?: undefined } | { executablePath?: undefined; missing: string };
