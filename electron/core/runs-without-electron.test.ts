// The core runs under plain Node: nothing in electron/core may import 'electron', directly or through the IPC layer.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.dirname(fileURLToPath(import.meta.url));
const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the core without Electron', () => {
  it('has no import of electron in electron/core or electron/ipc', async () => {
    const files = [...(await sourceFiles(root)), ...(await sourceFiles(path.join(root, '..', 'ipc')))];
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) if (ELECTRON_IMPORT.test(await readFile(file, 'utf8'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });

  it('recognises the import forms it guards against', () => {
    // Spelt in pieces so that this file does not itself read as an import to a plain text search.
    const name = ['elec', 'tron'].join('');
    expect(ELECTRON_IMPORT.test(`import { app } from '${name}';`)).toBe(true);
    expect(ELECTRON_IMPORT.test(`const e = await import("${name}")`)).toBe(true);
    expect(ELECTRON_IMPORT.test(`const e = require('${name}')`)).toBe(true);
    expect(ELECTRON_IMPORT.test(`require('${name}/main')`)).toBe(true);
    expect(ELECTRON_IMPORT.test(`import x from '${name}-store';`)).toBe(false);
  });

  it('loads the whole core and the handler table under plain Node', async () => {
    const core = await import('./core.js');
    const handlers = await import('../ipc/handlers.js');
    expect(typeof core.SsoTrayCore).toBe('function');
    expect(typeof handlers.createHandlers).toBe('function');
  });
});
