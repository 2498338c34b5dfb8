// The tests never run in the machine's home folder: each project's workers get the run's own (e2e/support/test-home.ts),
// so what the core words relative to ~ reads the same whoever runs them and wherever TMPDIR points.
import os from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { fileLabel } from '../electron/core/aws-files/file-label.js';

it("runs with the run's own home folder, so a temporary folder is never under it", () => {
  expect(os.homedir()).toBe(inject('testHome'));
  expect(path.basename(os.homedir())).toMatch(/^sso-tray-tests-home-/);
  const scratch = path.join(os.tmpdir(), 'sso-tray-test-x', '.aws', 'credentials');
  expect(fileLabel(scratch)).toBe(scratch);
});
