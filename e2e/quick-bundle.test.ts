// The quick answers' bundles keep their rules (scripts/quick-bundle.mjs): Node's fs/promises and crypto are the quick
// versions, and a quick answer that imports zod, the AWS SDK or commander fails the build instead of slowing every
// credential_process start.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleQuickAnswers } from '../scripts/quick-bundle.mjs';

const modules = fileURLToPath(new URL('../node_modules', import.meta.url));
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-quick-bundle-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Bundles one probe entry with the quick rules; its text, or the build's error messages. */
async function bundle(source: string): Promise<{ text?: string; errors?: string[] }> {
  const entry = path.join(dir, `probe-${Math.random().toString(36).slice(2)}.ts`);
  await writeFile(entry, source);
  try {
    // The repository's packages resolve from the probe's folder, as they would from a file in electron/cli/quick.
    await bundleQuickAnswers({ probe: entry }, dir, {
      logLevel: 'silent',
      sourcemap: false,
      nodePaths: [modules],
    });
    return { text: await readFile(path.join(dir, 'probe.cjs'), 'utf8') };
  } catch (error) {
    return { errors: (error as { errors: Array<{ text: string }> }).errors.map((e) => e.text) };
  }
}

describe('the quick answers bundle', () => {
  it("gives a quick answer the quick fs/promises and crypto, not Node's", async () => {
    const { text } = await bundle(
      "import { readFile } from 'node:fs/promises';\nimport { createHash } from 'node:crypto';\n" +
        "export const f = () => readFile('x').then((b) => createHash('sha1').update(b).digest('hex'));\n",
    );
    expect(text).toBeDefined();
    expect(text).not.toMatch(/require\("(node:)?(fs\/promises|crypto)"\)/);
    expect(text).toContain('electron/cli/quick/quick-fs-promises.ts');
    expect(text).toContain('electron/cli/quick/quick-crypto.ts');
  });

  for (const [name, source] of [
    ['zod', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ['the AWS SDK', "import { SSOClient } from '@aws-sdk/client-sso';\nexport const c = SSOClient;\n"],
    ['commander', "import { Command } from 'commander';\nexport const c = Command;\n"],
  ] as const) {
    it(`fails the build when a quick answer imports ${name}`, async () => {
      const { errors } = await bundle(source);
      expect(errors?.[0]).toMatch(
        /^(zod|@aws-sdk\/client-sso|commander) is the program's, not a quick answer's/,
      );
    });
  }
});
