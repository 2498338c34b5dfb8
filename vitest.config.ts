import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The shell's tests (electron/tray, electron/app, electron/*.test.ts) get the recorded double for 'electron'; every
// other test runs without it, so the core importing Electron would fail there as it would under plain Node.
const SHELL_TESTS = ['electron/tray/**/*.test.ts', 'electron/app/**/*.test.ts', 'electron/*.test.ts'];
// Stress, soak and slow builds (an 8-hour day, killed and concurrent writers, a throttled 2,000-account listing, the
// packaged app): `npm test` and CI run them; `npm run check` (projects node and shell) does not, so it stays quick.
const STRESS_TESTS = [
  '**/*.stress.test.ts',
  '**/*.slow.test.ts',
  'electron/core/aws-files/credentials-file.processes.test.ts',
  // Integration files that wait in real time (a throttled listing, the SDK's retries through an hour of failed
  // refreshes, the emulator's throttling, typed ESLint starting up): 5 to 12 s each, a third of the unit run.
  'electron/core/accounts/listing-order.test.ts',
  'electron/core/session/session-refresh.test.ts',
  'e2e/identity-center/resilience.test.ts',
  'e2e/lint-boundaries.test.ts',
];
// The built `sso-tray` run as a child process (every command, the README's examples, the demo shell): `npm test` and CI
// run them; `npm run check` does not, as each file spawns dozens of Node processes (about half of the unit run's time).
const PROCESS_TESTS = [
  'e2e/cli*.test.ts',
  'e2e/readme-examples.test.ts',
  'e2e/demo.test.ts',
  'e2e/identity-center/cli.test.ts',
];
// Every project's workers get a home folder of the run's own, never the machine's (e2e/support/test-home.ts).
const testHome = 'e2e/support/test-home.ts';
const testHomeEnv = 'e2e/support/test-home-env.ts';
// Projects that run the built code get it compiled fresh once, before their workers start.
const freshBuild = [testHome, 'e2e/support/fresh-build.ts'];
const electronDouble = fileURLToPath(new URL('./e2e/support/electron-double.ts', import.meta.url));

export default defineConfig({
  test: {
    environment: 'node',
    // Hang guards, not verdicts: a test on a loaded two-core machine may take many times its usual time and still
    // pass (waits inside tests use e2e/support/eventually.ts, bounded only by its own guard).
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // The AWS SDK's advice about Node versions is not a test result (the CLI silences it for users the same way).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // One module graph per worker (each test builds its own harness and restores what it changes; the files
          // pass in shuffled orders): loading the AWS SDK and the emulator once per worker, not per file, halves the run.
          isolate: false,
          include: ['electron/**/*.test.ts', 'e2e/**/*.test.ts', 'renderer/**/*.test.ts'],
          exclude: [...SHELL_TESTS, ...STRESS_TESTS, ...PROCESS_TESTS, '**/node_modules/**'],
          globalSetup: [testHome],
          setupFiles: [testHomeEnv],
        },
      },
      {
        extends: true,
        resolve: { alias: [{ find: /^electron(\/main|\/common)?$/, replacement: electronDouble }] },
        test: {
          name: 'shell',
          include: SHELL_TESTS,
          // As in `node`: one module graph per worker (each test resets the double; the files pass shuffled).
          isolate: false,
          globalSetup: freshBuild,
          // electron-updater is CommonJS and requires 'electron' itself: the setup hands it the double.
          setupFiles: [testHomeEnv, 'e2e/support/electron-double-require.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: PROCESS_TESTS,
          globalSetup: freshBuild,
          setupFiles: [testHomeEnv],
          // A slow CLI test (e2e/cli-*.slow.test.ts) runs once, in `stress`.
          exclude: ['**/node_modules/**', ...STRESS_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'stress',
          include: STRESS_TESTS,
          globalSetup: freshBuild,
          setupFiles: [testHomeEnv],
          exclude: ['**/node_modules/**'],
        },
      },
    ],
  },
});
