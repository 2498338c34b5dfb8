// Setup file of every test project: the worker's home folder is the run's own empty one (e2e/support/test-home.ts),
// and the machine's AWS, SSO Tray, proxy and locale variables are gone (isMachineSetting), as they are from the
// children a test starts (childEnv): an AWS_USE_FIPS_ENDPOINT, AWS_CONFIG_FILE or AWS_PROFILE of the machine's would
// otherwise reach the SDK clients and providers a test runs in this process.
import { inject } from 'vitest';
import { isMachineSetting } from './sandbox.js';

// Set by the test tools, not the machine: vitest.config.ts's silence of the SDK's advice about Node versions, and the
// clock offset scripts/test-at.mjs hands every Node process of a run (scripts/shifted-clock.cjs).
const OURS = new Set(['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'SSO_TRAY_TEST_CLOCK_OFFSET_MS']);
for (const key of Object.keys(process.env))
  if (!OURS.has(key) && isMachineSetting(key)) delete process.env[key];

// os.homedir() reads HOME on POSIX and USERPROFILE on Windows at each call (https://nodejs.org/api/os.html#oshomedir),
// so setting them here holds for everything the test files run in this worker.
const home = inject('testHome');
process.env.HOME = home;
process.env.USERPROFILE = home;
