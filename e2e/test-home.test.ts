// The tests never run in the machine's home folder or with its AWS settings: each project's workers get the run's own
// home (e2e/support/test-home.ts) and none of the machine's AWS, SSO Tray, proxy or locale variables (test-home-env.ts), so
// what the core words relative to ~, and what the SDK reads from the environment, is the same whoever runs them.
import os from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { fileLabel } from '../electron/core/aws-files/file-label.js';
import { isMachineSetting } from './support/sandbox.js';

it("runs with the run's own home folder, so a temporary folder is never under it", () => {
  expect(os.homedir()).toBe(inject('testHome'));
  expect(path.basename(os.homedir())).toMatch(/^sso-tray-tests-home-/);
  const scratch = path.join(os.tmpdir(), 'sso-tray-test-x', '.aws', 'credentials');
  expect(fileLabel(scratch)).toBe(scratch);
});

it("runs without the machine's AWS, SSO Tray, proxy or locale variables, only those the test tools set", () => {
  const ours = ['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'SSO_TRAY_TEST_CLOCK_OFFSET_MS'];
  expect(Object.keys(process.env).filter((key) => isMachineSetting(key) && !ours.includes(key))).toEqual([]);
  expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
});
