// Vitest's global setup: one empty folder per run and project, which the workers take as their home folder
// (e2e/support/test-home-env.ts). Whoever runs the tests, whatever their HOME holds and wherever their TMPDIR is, the
// workers see the same: a label the core words relative to the home folder (electron/core/aws-files/file-label.ts)
// reads alike for a temporary folder inside a HOME and outside it, and nothing reads the machine's ~/.aws.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testHome: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-tests-home-'));
  // https://vitest.dev/config/globalsetup: provide() hands a serialisable value to every test file's inject().
  project.provide('testHome', home);
  return () => rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}
