// CONTRIBUTING.md is the map a newcomer follows (its rooms, its two walks, its how-tos): every folder its room tree
// draws and every repository file it names must exist, so a move or a rename that forgets the map fails here.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', 'dist', 'out', 'release', 'test-results', 'playwright-report', '.git']);

let files: string[];
let folders: Set<string>;
let map: string;
beforeAll(async () => {
  const entries = await readdir(repo, { withFileTypes: true, recursive: true });
  const inside = entries
    .map((e) => ({ e, rel: path.relative(repo, path.join(e.parentPath, e.name)).split(path.sep).join('/') }))
    .filter(({ rel }) => !rel.split('/').some((part) => SKIP.has(part)));
  files = inside.filter(({ e }) => e.isFile()).map(({ rel }) => rel);
  folders = new Set(inside.filter(({ e }) => e.isDirectory()).map(({ rel }) => rel));
  map = await readFile(path.join(repo, 'CONTRIBUTING.md'), 'utf8');
});

const FILE_NAME = /^[\w@.-]+(?:\/[\w@.-]+)*\.(?:ts|tsx|js|mjs|cjs|json|md|yml|html|css)$/;

/** The repository files a mention names: the path itself, or any path ending in it (`cli/run/role-lookup.ts`). */
function filesNamed(mention: string, all: string[]): string[] {
  return all.filter((file) => file === mention || file.endsWith(`/${mention}`));
}

/** Backticked mentions that look like a file of the repository (not `~/.aws/config`, not `<name>.ts`). */
function fileMentions(markdown: string): string[] {
  const mentions = [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
  return [...new Set(mentions.filter((m) => FILE_NAME.test(m) && !m.startsWith('~')))];
}

/** The folders the room tree draws, each with its full path: an indented `name/` lies in the last shallower one. */
function roomFolders(markdown: string): string[] {
  const tree = /## The rooms\s+```\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  const stack: { depth: number; path: string }[] = [];
  const drawn: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^( *)([\w.-]+\/)(?:, ([\w.-]+\/))?(?= |$)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length;
    while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1)?.path;
    for (const name of [m[2], m[3]].filter(Boolean)) {
      const full = parent ? `${parent}/${name!.slice(0, -1)}` : name!.slice(0, -1);
      drawn.push(full);
      if (name === m[2]) stack.push({ depth, path: full });
    }
  }
  return drawn;
}

describe('CONTRIBUTING.md names what exists', () => {
  it('draws only folders that exist, where it draws them', () => {
    const drawn = roomFolders(map);
    expect(drawn).toContain('electron/core/session');
    expect(drawn.filter((folder) => !folders.has(folder))).toEqual([]);
  });

  it('names only files that exist (the walks, the how-tos)', () => {
    const mentions = fileMentions(map);
    expect(mentions).toContain('core/role-credentials/credentials-text.ts');
    expect(mentions.filter((mention) => filesNamed(mention, files).length === 0)).toEqual([]);
  });

  it('would catch a stale mention and a folder that moved', () => {
    // Names no file ever had, so no rewrite of moved paths makes them right.
    const stale =
      '1. `cli/commands/look-up-role.ts` then `core/copy-the-text.ts`, `electron/cli.ts` and `~/.aws/config`\n';
    expect(fileMentions(stale).filter((mention) => filesNamed(mention, files).length === 0)).toEqual([
      'cli/commands/look-up-role.ts',
      'core/copy-the-text.ts',
    ]);
    const tree =
      '## The rooms\n\n```\nelectron/\n  core/   x\n    settings/   y\n  cli/   z\n    exec/, gone/   w\n```\n';
    expect(roomFolders(tree)).toEqual([
      'electron',
      'electron/core',
      'electron/core/settings',
      'electron/cli',
      'electron/cli/exec',
      'electron/cli/gone',
    ]);
  });
});
