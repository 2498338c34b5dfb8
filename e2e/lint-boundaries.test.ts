// The boundaries the design promises, proven: each probe breaks one rule, and ESLint (as `npm run check` runs it)
// reports exactly that rule. A rule that stops firing fails here.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER = 'renderer/src/boundary-probe.ts';
const CORE = 'electron/core/boundary-probe.ts';
const IPC = 'electron/ipc/boundary-probe.ts';
const SHARED = 'shared/boundary-probe.ts';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repo });
});

/** The rules the probe breaks (each rule once). */
async function broken(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repo, file) });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return [...new Set(result?.messages.map((m) => m.ruleId ?? 'parse'))].sort();
}

describe('the window is a web page', () => {
  it('may not import Electron', async () => {
    expect(await broken(RENDERER, "import { app } from 'electron';\nexport const probe = app;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
  });

  it('may not import Node modules, with or without node:', async () => {
    const withPrefix = "import { readFile } from 'node:fs/promises';\nexport const probe = readFile;\n";
    const bare = "import { readFile } from 'fs';\nexport const probe = readFile;\n";
    expect(await broken(RENDERER, withPrefix)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await broken(RENDERER, bare)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it('may import only types from electron/, never values', async () => {
    const value =
      "import { CHANNELS } from '../../electron/ipc/ipc-names.js';\nexport const probe = CHANNELS;\n";
    const types =
      "import type { SessionView } from '../../electron/core/shapes/front-end-shapes.js';\nexport type Probe = SessionView;\n";
    expect(await broken(RENDERER, value)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await broken(RENDERER, types)).toEqual([]);
  });

  it('may import values from shared/, the rules it shares with the core, but not electron/ through it', async () => {
    const shared =
      "import { identifierProblem } from '../../shared/identifier-rules.js';\nexport const probe = identifierProblem;\n";
    const around =
      "import { CHANNELS } from '../../shared/../electron/ipc/ipc-names.js';\nexport const probe = CHANNELS;\n";
    expect(await broken(RENDERER, shared)).toEqual([]);
    expect(await broken(RENDERER, around)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });
});

describe('the rules shared by the core and the window import nothing from outside shared/', () => {
  it.each([
    ['a package', 'zod'],
    ['Node', 'node:fs'],
    ['Electron', 'electron'],
    ['the core', '../electron/core/errors.js'],
    ['the window', './../renderer/src/api.js'],
  ])('may not import %s (%s)', async (_what, from) => {
    const value = `import * as other from '${from}';\nexport const probe = other;\n`;
    const type = `export type { Probe } from '${from}';\n`;
    expect(await broken(SHARED, value)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await broken(SHARED, type)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it('may not load a module at run time with import()', async () => {
    const source = "export const probe = () => import('node:fs');\n";
    expect(await broken(SHARED, source)).toEqual(['no-restricted-syntax']);
  });

  it('may import from shared/ itself', async () => {
    const source =
      "import { REGION_PATTERN } from './identifier-rules.js';\nexport const probe = REGION_PATTERN;\n";
    expect(await broken(SHARED, source)).toEqual([]);
  });
});

describe('the core and the contract run under plain Node', () => {
  it.each([CORE, IPC])('%s may not import Electron', async (file) => {
    expect(await broken(file, "import { app } from 'electron';\nexport const probe = app;\n")).toEqual([
      'no-restricted-imports',
    ]);
  });
});

describe("no test's verdict depends on the machine's speed", () => {
  const TEST = 'e2e/boundary-probe.test.ts';
  const head = "import { expect, it, vi } from 'vitest';\n";

  it('reports vi.waitFor, whose one-second default fails on a loaded machine', async () => {
    const source = `${head}it('x', async () => {\n  await vi.waitFor(() => expect(1).toBe(1));\n});\n`;
    expect(await broken(TEST, source)).toEqual(['no-restricted-syntax']);
  });

  it('reports a time limit on a test or a hook, and a timeout option of its own', async () => {
    const limit = `${head}it('x', () => {\n  expect(vi).toBeDefined();\n}, 5_000);\n`;
    expect(await broken(TEST, limit)).toEqual(['no-restricted-syntax']);
    const option = `${head}it('x', async () => {\n  await expect.poll(() => 1, { timeout: 1000 }).toBe(1);\n  expect(vi).toBeDefined();\n});\n`;
    expect(await broken(TEST, option)).toEqual(['no-restricted-syntax']);
  });

  it('reports an upper bound on elapsed time, however it is written', async () => {
    const direct = `${head}it('x', () => {\n  const started = performance.now();\n  expect(performance.now() - started).toBeLessThan(500);\n  expect(vi).toBeDefined();\n});\n`;
    const named = `${head}it('x', () => {\n  const before = Date.now();\n  const lifetime = Number(process.argv[2]) - before;\n  expect(lifetime).not.toBeGreaterThan(10);\n  expect(vi).toBeDefined();\n});\n`;
    const reversed = `${head}it('x', () => {\n  const t0 = process.hrtime.bigint();\n  const took = Number(process.hrtime.bigint() - t0) / 1e6;\n  expect(100).toBeGreaterThanOrEqual(took);\n  expect(vi).toBeDefined();\n});\n`;
    for (const source of [direct, named, reversed])
      expect(await broken(TEST, source)).toEqual(['verdicts/no-elapsed-upper-bound']);
  });

  it('accepts a lower bound on elapsed time, and bounds on a time stamped between two readings', async () => {
    const source = `${head}it('x', () => {\n  const before = Date.now();\n  const expiry = Date.now() + 60_000;\n  const after = Date.now();\n  expect(Date.now() - before).toBeGreaterThanOrEqual(0);\n  expect(expiry).toBeGreaterThanOrEqual(before + 60_000 - 1000);\n  expect(expiry).toBeLessThanOrEqual(after + 60_000);\n  expect(vi).toBeDefined();\n});\n`;
    expect(await broken(TEST, source)).toEqual([]);
  });

  it('accepts a test that waits with eventually()', async () => {
    const source =
      "import { expect, it } from 'vitest';\nimport { eventually } from './support/eventually.js';\n" +
      "it('x', async () => {\n  await eventually(() => expect(1).toBe(1));\n});\n";
    expect(await broken(TEST, source)).toEqual([]);
  });
});

describe("no test's verdict depends on the machine's environment", () => {
  const TEST = 'e2e/boundary-probe.test.ts';
  const head = "import { spawn } from 'node:child_process';\nimport { expect, it } from 'vitest';\n";

  it("reports a child given this machine's whole environment", async () => {
    for (const env of ['{ ...process.env, HOME: "/x" }', 'process.env'])
      expect(
        await broken(
          TEST,
          `${head}it('x', () => {\n  expect(spawn('true', [], { env: ${env} })).toBeDefined();\n});\n`,
        ),
      ).toEqual(['no-restricted-syntax']);
  });

  it('reports process.env replaced by a copy, which leaves the real environment changed', async () => {
    const source = `${head}it('x', () => {\n  const saved = { ...process.env };\n  process.env = saved;\n  expect(spawn).toBeDefined();\n});\n`;
    expect(await broken(TEST, source)).toEqual(['no-restricted-syntax']);
  });

  it('accepts a child given childEnv, and a copy of process.env kept to compare with', async () => {
    const source =
      `${head}import { childEnv, makeSandbox } from './support/sandbox.js';\n` +
      `it('x', async () => {\n  const saved = { ...process.env };\n  const sandbox = await makeSandbox();\n` +
      `  expect(spawn('true', [], { env: childEnv(sandbox, { HOME: '/x' }) })).toBeDefined();\n  expect(saved).toBeDefined();\n});\n`;
    expect(await broken(TEST, source)).toEqual([]);
  });
});

describe('promises are handled', () => {
  it('reports a promise nobody awaits or catches', async () => {
    const source = 'async function save(): Promise<void> {}\nexport function probe(): void {\n  save();\n}\n';
    expect(await broken(CORE, source)).toEqual(['@typescript-eslint/no-floating-promises']);
  });

  it('reports a promise used where a boolean is due', async () => {
    const source = 'export function probe(ready: Promise<boolean>): number {\n  return ready ? 1 : 0;\n}\n';
    expect(await broken(CORE, source)).toEqual(['@typescript-eslint/no-misused-promises']);
  });
});

describe('no import circle', () => {
  /** madge with the very flags `npm run lint` gives it, over a folder of probe modules; its exit code and report. */
  async function madge(files: Record<string, string>): Promise<{ status: number | null; report: string }> {
    const lint = (
      JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts.lint!;
    const words = /(?:^|&& )madge ([^&]+)/.exec(lint)![1]!.trim().split(/\s+/);
    const flags = words.slice(0, words.indexOf('tsconfig.node.json') + 1);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-cycle-'));
    try {
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
      const run = spawnSync(path.join(repo, 'node_modules', '.bin', 'madge'), [...flags, dir], {
        cwd: repo,
        encoding: 'utf8',
      });
      return { status: run.status, report: run.stdout };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('fails lint on two modules that import each other, types included', async () => {
    const circle = await madge({
      'a.ts': "import type { B } from './b.js';\nexport type A = B | 1;\n",
      'b.ts':
        "import { one } from './c.js';\nimport type { A } from './a.js';\nexport type B = A | typeof one;\n",
      'c.ts': 'export const one = 1;\n',
    });
    expect(circle.status).toBe(1);
    expect(circle.report).toContain('a.ts > b.ts');
    const line = await madge({
      'a.ts': "import { one } from './c.js';\nexport const two = one + 1;\n",
      'c.ts': 'export const one = 1;\n',
    });
    expect(line.status).toBe(0);
  });
});

describe('the front ends hold the door and nothing else', () => {
  const APP = 'electron/app/boundary-probe.ts';
  const TRAY = 'electron/tray/boundary-probe.ts';
  const CLI = 'electron/cli/boundary-probe.ts';

  it.each([APP, TRAY, CLI])(
    '%s may not take the core object, a core module or the handler table',
    async (file) => {
      const core = "import { SsoTrayCore } from '../core/core.js';\nexport const probe = SsoTrayCore;\n";
      const module =
        "import { SettingsFile } from '../core/settings/settings-file.js';\nexport const probe = new SettingsFile('x');\n";
      const handlers =
        "import { createHandlers } from '../ipc/handlers.js';\nexport const probe = createHandlers;\n";
      for (const source of [core, module, handlers])
        expect(await broken(file, source)).toEqual(['@typescript-eslint/no-restricted-imports']);
    },
  );

  it('may not reach a core module from a command folder either', async () => {
    const deep =
      "import { readSessionsFromConfig } from '../../core/aws-files/config-reader.js';\nexport const probe = readSessionsFromConfig;\n";
    expect(await broken('electron/cli/commands/boundary-probe.ts', deep)).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
  });

  it.each([APP, TRAY, CLI])('%s may take the public module, the door and any type', async (file) => {
    const allowed =
      "import { SsoTrayError } from '../core/public.js';\n" +
      "import { openDoor } from '../ipc/door.js';\n" +
      "import type { SessionView } from '../core/shapes/front-end-shapes.js';\n" +
      'export const probe = [SsoTrayError, openDoor];\nexport type Probe = SessionView;\n';
    expect(await broken(file, allowed)).toEqual([]);
  });
});

describe("the front ends word an error's next step and never rewrite its English", () => {
  const FRONT_ENDS = [
    'electron/cli/boundary-probe.ts',
    'electron/cli/commands/boundary-probe.ts',
    'electron/app/boundary-probe.ts',
    'electron/tray/boundary-probe.ts',
    RENDERER,
  ];
  const rewrites = {
    'a replace of error.message':
      "export const probe = (error: Error) => error.message.replace(/\\.$/, ': run it.');\n",
    'a match of error.message':
      'export const probe = (error: Error) => error.message.match(/Sign in again/);\n',
    "a regex's test of error.message":
      'export const probe = (error: Error) => /again\\.$/.test(error.message);\n',
    "a regex's exec of an event's message":
      'export const probe = ({ message }: { message: string }) => /again/.exec(message);\n',
    'a replace of a destructured message':
      "export const probe = ({ message }: { message: string }) => message.replace('.', '');\n",
    "a regex's test of a shown sentence":
      'export const probe = (sentence: string) => /^The region\\b/.test(sentence);\n',
    "a sentence's opening words":
      "export const probe = (sentence: string) => sentence.startsWith('The profile name template');\n",
  };

  it.each(FRONT_ENDS)('%s may not match or rewrite an error message', async (file) => {
    for (const [what, source] of Object.entries(rewrites))
      expect(await broken(file, source), what).toEqual(['no-restricted-syntax']);
  });

  it.each(FRONT_ENDS)('%s may show the message and word error.next', async (file) => {
    const shown =
      'export const probe = (error: Error & { next?: { do: string } }) => [error.message, error.next?.do];\n';
    expect(await broken(file, shown)).toEqual([]);
  });
});

describe('the rooms keep their shape (CONTRIBUTING.md, "The rooms")', () => {
  const FLAT = 'electron/core/session-probe.ts';
  const COMMAND = 'electron/cli/commands/room-probe.ts';
  const plain = 'export const probe = 1;\n';
  const head =
    "import type { Command } from 'commander';\nimport type { CommandHost } from '../command-host.js';\n";
  const command = `${head}export function addProbe(program: Command, { io }: CommandHost): void {\n  program.command('probe').action(() => io.out('probe\\n'));\n}\n`;

  /** What ESLint says about the probe, rule by rule. */
  async function said(file: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: path.join(repo, file) });
    return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('reports a file that lands flat in electron/core, naming the folders it belongs in', async () => {
    expect(await broken(FLAT, plain)).toEqual(['rooms/core-root']);
    expect((await said(FLAT, plain))[0]).toContain('session-probe.ts lies flat in electron/core');
  });

  it("accepts the core's own root files, a test beside one, and any file in a concept's folder", async () => {
    expect(await broken('electron/core/clock.ts', plain)).toEqual([]);
    expect(await broken('electron/core/errors.test.ts', plain)).toEqual([]);
    expect(await broken('electron/core/session/session-registry.ts', plain)).toEqual([]);
  });

  it('reports a helper in electron/cli/commands, and a command module that also exports a helper', async () => {
    const helper = `${head}export function withProbe(host: CommandHost): CommandHost {\n  return host;\n}\nexport type Probe = Command;\n`;
    expect(await broken(COMMAND, helper)).toEqual(['rooms/command-module']);
    expect((await said(COMMAND, helper))[0]).toContain('move it to electron/cli/run/');
    const both = `${command}export const shared = 1;\n`;
    expect(await said(COMMAND, both)).toEqual([
      'rooms/command-module: A command module exports only its add<Name> functions (and types): move shared to electron/cli/run/, where every command that needs it can import it.',
    ]);
  });

  it('reports an add<Name> that registers no command', async () => {
    const silent = `${head}export function addProbe(_program: Command, _host: CommandHost): void {}\n`;
    expect(await broken(COMMAND, silent)).toEqual(['rooms/command-module']);
  });

  it('accepts a module whose add<Name> registers its command, with .command() or roleCommand()', async () => {
    expect(await broken(COMMAND, command)).toEqual([]);
    const role =
      "import type { Command } from 'commander';\nimport { roleCommand, type CommandHost } from '../command-host.js';\n" +
      "export const addProbe = (program: Command, { io }: CommandHost): void => {\n  roleCommand(program, 'probe', 'a probe').action(() => io.out('probe\\n'));\n};\n";
    expect(await broken(COMMAND, role)).toEqual([]);
  });
});
