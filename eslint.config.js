import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { rooms, CORE_ROOT_FILES } from './eslint-rooms.js';
import { verdicts } from './eslint-verdicts.js';

/** Files the boundary probes lint as text (they never exist on disk; see e2e/lint-boundaries.test.ts). */
export const BOUNDARY_PROBES = [
  'renderer/src/boundary-probe.ts',
  'electron/core/boundary-probe.ts',
  'electron/ipc/boundary-probe.ts',
  'shared/boundary-probe.ts',
  'e2e/boundary-probe.test.ts',
  'electron/app/boundary-probe.ts',
  'electron/tray/boundary-probe.ts',
  'electron/cli/boundary-probe.ts',
  'electron/cli/commands/boundary-probe.ts',
  // The rooms' probes (eslint-rooms.js): a file flat in electron/core, a helper in electron/cli/commands.
  'electron/core/session-probe.ts',
  'electron/cli/commands/room-probe.ts',
];

const WALL_CLOCK =
  'A test waits on what it checks, bounded only by the hang guard: a loaded machine is slow, not wrong.';

const MACHINE_ENV =
  "A child gets childEnv(sandbox, …) (e2e/support/sandbox.ts) or the variables it needs, never this machine's whole environment: its AWS, proxy and locale settings would decide the verdict.";

const REWORDING =
  "A front end words an error's next step from its table (error.next); it never matches or rewrites an error's English.";
// The string methods that search or rewrite text with a pattern.
const TEXT_METHODS = '/^(replace|replaceAll|match|matchAll|search|split)$/';
// A sentence a front end holds to show (an error's, a session's reason): asking what it says is reading the core's
// English (which field a refusal is about comes from its step: error.next).
const SENTENCE_NAMES = '/^(sentence|reason|errorText)$/';
const SENTENCE_TESTS = '/^(match|matchAll|search|startsWith|endsWith|includes|indexOf)$/';

const noElectron = (where) => ({
  paths: [{ name: 'electron', message: `${where} must run under plain Node: Electron stays in the shell.` }],
  patterns: [{ group: ['electron/*'], message: `${where} must run under plain Node.` }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Typed rules that catch real bugs here: a promise nobody awaits or catches, a promise where a callback is due.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // The probes never exist on disk (ESLint lints them as text); typescript-eslint allows 8 such files unless told.
        projectService: {
          allowDefaultProject: BOUNDARY_PROBES,
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: BOUNDARY_PROBES.length,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // The core and the contract run under plain Node: Electron stays in the shell.
    files: ['electron/core/**/*.ts', 'electron/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron('electron/core and electron/ipc')] },
  },
  {
    // zod as a namespace (zod's own docs' form): a bundler then leaves out what no schema uses, its locales and JSON
    // Schema tools (scripts/build-cli-program.mjs; https://github.com/colinhacks/zod/issues/4433).
    files: ['electron/core/**/*.ts', 'electron/ipc/**/*.ts', 'electron/endpoint/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier, ImportDefaultSpecifier)",
          message:
            "Import zod as a namespace (import * as z from 'zod'): a named z keeps all of zod in the CLI's bundle.",
        },
      ],
    },
  },
  {
    // The front ends hold the core's door ({ call, on }) and nothing else: the core's values only from its small public
    // module, never the handler table or the core object (types may come from anywhere).
    files: [
      'electron/app/**/*.ts',
      'electron/tray/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/cli.ts',
      'electron/main.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`(^|/)core/(?!public\.js$)`,
              allowTypeImports: true,
              message:
                'A front end takes values from the core only through electron/core/public.ts; it calls the core through the door (electron/ipc/door.ts).',
            },
            {
              regex: String.raw`(^|/)ipc/handlers\.js$`,
              message:
                'The handler table is inside the door: a front end calls through electron/ipc/door.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The window is a web page: no Node, no Electron, and from electron/ only the contract's types (values it shares
    // with the core, such as AWS's identifier rules, live in shared/).
    files: ['renderer/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The window talks only to the preload API (window.ssoTray).' },
            ...builtinModules.map((name) => ({
              name,
              message: 'The window is a web page: no Node modules.',
            })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The window is a web page: no Node modules.' },
            {
              group: ['**/electron/**'],
              allowTypeImports: true,
              message: 'The window may import only types from electron/ (the contract and its views).',
            },
          ],
        },
      ],
    },
  },
  {
    // The rules the core shares with the window load in Node and in a web page alike: nothing from outside shared/.
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!\./)|(^|/)\.\.(/|$)`,
              message: 'shared/ runs in the core and in the window: it imports only from shared/ itself.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'shared/ runs in the core and in the window: no import().' },
      ],
    },
  },
  {
    // An error's sentence is for people: a front end words the error's next step (error.next, electron/core/next-step.ts)
    // from its own table and never parses or rewrites the core's English.
    files: [
      'electron/app/**/*.ts',
      'electron/tray/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/cli.ts',
      'electron/main.ts',
      'renderer/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          // error.message.replace(...), message.match(...), error.message?.split(/…/)
          `CallExpression[callee.property.name=${TEXT_METHODS}][callee.object.property.name='message']`,
          `CallExpression[callee.property.name=${TEXT_METHODS}][callee.object.name='message']`,
          // /…/.test(error.message), pattern.exec(message)
          "CallExpression[callee.property.name=/^(test|exec)$/][arguments.0.property.name='message']",
          "CallExpression[callee.property.name=/^(test|exec)$/][arguments.0.name='message']",
          // /^The region\b/.test(sentence), sentence.startsWith('The profile name template'): a shown sentence too
          `CallExpression[callee.property.name=/^(test|exec)$/][arguments.0.name=${SENTENCE_NAMES}]`,
          `CallExpression[callee.property.name=${SENTENCE_TESTS}][callee.object.name=${SENTENCE_NAMES}]`,
        ].map((selector) => ({ selector, message: REWORDING })),
      ],
    },
  },
  {
    // No test's verdict depends on the machine's speed: no time limit of its own, no vi.waitFor's one-second default,
    // no upper bound on elapsed time (eslint-verdicts.js); nor on its environment: children get childEnv.
    files: ['**/*.test.ts', '**/*.spec.ts', 'e2e/support/**/*.ts'],
    ignores: ['e2e/support/eventually.ts'],
    plugins: { verdicts },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name='waitFor']",
          message: `Use eventually() from e2e/support/eventually.ts. ${WALL_CLOCK}`,
        },
        {
          selector:
            'CallExpression[callee.name=/^(it|test|describe|beforeAll|afterAll|beforeEach|afterEach)$/] > Literal[raw=/^[0-9]/]',
          message: `No time limit on a test or hook (the project's testTimeout is the hang guard). ${WALL_CLOCK}`,
        },
        {
          selector: "Property[key.name='timeout'] > Literal[raw=/^[0-9]/]",
          message: `No timeout of a test's own (use HANG_GUARD_MS from e2e/support/eventually.ts). ${WALL_CLOCK}`,
        },
        ...[
          "Property[key.name='env'] > ObjectExpression > SpreadElement > MemberExpression[object.name='process'][property.name='env']",
          "Property[key.name='env'] > MemberExpression[object.name='process'][property.name='env']",
        ].map((selector) => ({ selector, message: MACHINE_ENV })),
        {
          selector:
            "AssignmentExpression > MemberExpression.left[object.name='process'][property.name='env']",
          message:
            "Set and restore variables with setProcessEnv (e2e/support/process-env.ts): a copy put in place of process.env is a plain object, and the worker's real environment keeps the test's values for every later file.",
        },
      ],
      'verdicts/no-elapsed-upper-bound': 'error',
    },
  },
  {
    // The layout is the first map a newcomer reads (CONTRIBUTING.md, "The rooms"): electron/core keeps only its own
    // files at its root, the rest in folders by concept (the boundary probes each break another rule).
    files: ['electron/core/*.ts'],
    ignores: ['**/boundary-probe.ts'],
    plugins: { rooms },
    rules: { 'rooms/core-root': ['error', { allowed: CORE_ROOT_FILES }] },
  },
  {
    // electron/cli/commands holds commands and nothing else; the helpers they share live in electron/cli/run.
    files: ['electron/cli/commands/**/*.ts'],
    ignores: ['**/boundary-probe.ts', '**/*.test.ts'],
    plugins: { rooms },
    rules: { 'rooms/command-module': 'error' },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.cjs', 'bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // CommonJS on purpose (bin/package.json; the test preloads): require() is how such a file loads anything.
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
