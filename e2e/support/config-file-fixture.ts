// For a vitest file about ~/.aws/config: a fresh sandbox for each test, the config given as text and read back.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { AwsPaths } from '../../electron/core/shapes/aws-shapes.js';
import { makeSandbox, type Sandbox } from './sandbox.js';

export interface ConfigFileFixture {
  /** The current test's HOME and AWS file paths. */
  readonly home: string;
  readonly paths: AwsPaths;
  /** Writes the current test's ~/.aws/config, its folder made first. */
  given(text: string): Promise<void>;
  /** The current test's ~/.aws/config as text. */
  config(): Promise<string>;
}

/** Call at the top of a test file: each test gets its own sandbox, removed after it. */
export function configFilePerTest(): ConfigFileFixture {
  let sandbox: Sandbox | undefined;
  beforeEach(async () => {
    sandbox = await makeSandbox();
  });
  afterEach(async () => {
    await sandbox?.cleanup();
    sandbox = undefined;
  });
  const current = (): Sandbox => {
    if (!sandbox) throw new Error('The config file fixture is used outside a test.');
    return sandbox;
  };
  return {
    get home() {
      return current().home;
    },
    get paths() {
      return current().paths;
    },
    async given(text) {
      const file = current().paths.configFile;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    },
    config: () => readFile(current().paths.configFile, 'utf8'),
  };
}
