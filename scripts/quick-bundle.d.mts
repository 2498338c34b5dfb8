import type { BuildOptions, BuildResult, Plugin } from 'esbuild';

export const quickDir: string;
export const quickModules: Plugin;
export function bundleQuickAnswers(
  entryPoints: Record<string, string>,
  outdir: string,
  options?: BuildOptions,
): Promise<BuildResult>;
