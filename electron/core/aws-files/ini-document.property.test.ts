import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSsoTrayError } from '../errors.js';
import { IniDocument } from './ini-document.js';

// Generated documents in the shapes real files take, rendered from a structure so each section's own text is known.
const NAMES = [
  'default',
  'dev',
  'prod',
  'a-b',
  'x.y',
  'p@q',
  'profile dev',
  'sso-session acme',
  'services local',
];
const KEYS = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'region',
  'output',
  'x_key',
  's3',
];
const space = fc.constantFrom('', ' ', '\t', '  ');
const word = fc.stringMatching(/^[A-Za-z0-9+/:._@-][A-Za-z0-9+/=#:._@-]{0,16}$/);
const value = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a} ${b.replace(/^[#;=]+/, 'w')}`),
  fc.constantFrom('päss=wörd', '日本#語', 'ends==', 'a;b', '"quoted value"'),
);
const comment = fc
  .tuple(space, fc.constantFrom('#', ';'), fc.stringMatching(/^[ -~]{0,20}$/))
  .map(([ws, mark, text]) => `${ws}${mark}${text}`);
const blank = fc.constantFrom('', ' ', '\t');
const key = fc.constantFrom(...KEYS);

type Item = { lines: string[]; entry: boolean };
const item: fc.Arbitrary<Item> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(key, space, space, value, fc.option(comment)).map(([k, a, b, v, c]) => ({
      lines: [`${k}${a}=${b}${v}${c ? ` ${c.trimStart()}` : ''}`],
      entry: true,
    })),
  },
  fc.tuple(space, key, value).map(([ws, k, v]) => ({ lines: [` ${ws}${k} = ${v}`], entry: true })),
  fc.tuple(key, fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 3 })).map(([k, children]) => ({
    lines: [`${k} =`, ...children.map(([c, v]) => `  ${c} = ${v}`)],
    entry: true,
  })),
  fc.tuple(key, word).map(([k, v]) => ({ lines: [`${k}: ${v.replace(/=/g, '-')}`], entry: true })),
  fc.constantFrom('    continued', '\tmore text').map((line) => ({ lines: [line], entry: false })),
  comment.map((line) => ({ lines: [line], entry: false })),
  blank.map((line) => ({ lines: [line], entry: false })),
);
const section = fc
  .tuple(fc.constantFrom(...NAMES), space, fc.option(comment), fc.array(item, { maxLength: 6 }))
  .map(([name, ws, note, items]) => {
    // A continuation line needs a key above it in its section.
    let seenEntry = false;
    const body = items.map((it) => {
      const fixed =
        it.lines[0]?.match(/^\s+(continued|more text)$/) && !seenEntry ? { ...it, lines: ['#'] } : it;
      seenEntry ||= fixed.entry;
      return fixed;
    });
    const header = `${ws}[${name}]${note ? ` ${note.trimStart()}` : ''}`;
    const lastEntry = body.map((it) => it.entry).lastIndexOf(true);
    const own = [header, ...body.slice(0, lastEntry + 1).flatMap((it) => it.lines)];
    return { name, own, lines: [header, ...body.flatMap((it) => it.lines)] };
  });
const document = fc
  .record({
    preamble: fc.array(fc.oneof(comment, blank), { maxLength: 3 }),
    sections: fc.array(section, { maxLength: 6 }),
    eol: fc.constantFrom('lf', 'crlf', 'mixed'),
    eols: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ preamble, sections, eol, eols, bom, finalNewline }) => {
    const lines = [...preamble, ...sections.flatMap((s) => s.lines)];
    const ending = (i: number) => (eol === 'lf' ? '\n' : eol === 'crlf' || eols[i % 60] ? '\r\n' : '\n');
    let text = lines.map((line, i) => line + ending(i)).join('');
    if (!finalNewline) text = text.replace(/\r?\n$/, '');
    return { text: (bom ? '\uFEFF' : '') + text, sections };
  });
const entries = fc.uniqueArray(fc.tuple(key, word), { minLength: 1, maxLength: 4, selector: ([k]) => k });

let tmp: string;
let count = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ini-property-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const sdkKey = (name: string) => name.replace(' ', '.');
async function sdkRead(text: string): Promise<Record<string, Record<string, string | undefined>>> {
  const file = path.join(tmp, `${count++}.ini`);
  await writeFile(file, text);
  return (
    await loadSharedConfigFiles({ filepath: file, configFilepath: path.join(tmp, 'none'), ignoreCache: true })
  ).credentialsFile;
}

/**
 * Every other section's own lines (header to last key) are still there, in the same order; an indented header may
 * have lost its indent, which keeps botocore from reading it as the value of a key the edit put above it.
 */
function expectOthersKept(
  edited: string,
  sections: Array<{ name: string; own: string[] }>,
  target: string,
): void {
  const text = edited.replace(/\r\n/g, '\n');
  let from = 0;
  for (const other of sections.filter((s) => s.name !== target)) {
    const [header = '', ...rest] = other.own;
    const found = [header, header.trimStart()]
      .map((h) => text.indexOf([h, ...rest].join('\n'), from))
      .filter((at) => at >= 0);
    expect(found.length, `[${other.name}] kept`).toBeGreaterThan(0);
    from = Math.min(...found) + 1;
  }
}

const runs = { numRuns: 150 };

/**
 * The edited text, or 'refused' where SSO Tray refused the edit because the AWS CLI reads one of the section's
 * (indented) headers as part of the value above it; a refused edit leaves the document as it was.
 */
function edit(
  doc: { text: string; sections: Array<{ name: string; lines: string[] }> },
  target: string,
  change: (d: IniDocument) => void,
): string | 'refused' {
  const document = IniDocument.parse(doc.text, 'x');
  try {
    change(document);
  } catch (error) {
    if (!isSsoTrayError(error, 'file-unreadable') || !error.message.includes('part of the value above it'))
      throw error;
    expect(document.toString()).toBe(doc.text);
    // The section's own header, or the one below it, is indented.
    const indented = doc.sections.map((s, i) => (/^\s+\[/.test(s.lines[0] ?? '') ? i : -1));
    expect(
      doc.sections.some((s, i) => s.name === target && (indented.includes(i) || indented.includes(i + 1))),
    ).toBe(true);
    return 'refused';
  }
  return document.toString();
}

describe('any generated document', () => {
  it('comes back byte for byte', () => {
    fc.assert(
      fc.property(document, ({ text }) => IniDocument.parse(text, 'x').toString() === text),
      { numRuns: 500 },
    );
  });

  it('after setSection, the SDK reads the new keys there and the same everywhere else', async () => {
    await fc.assert(
      fc.asyncProperty(
        document,
        fc.constantFrom(...NAMES, 'new-one'),
        entries,
        async (doc, target, wanted) => {
          const text = edit(doc, target, (d) => d.setSection(target, wanted));
          if (text === 'refused') return;
          const [before, after] = [await sdkRead(doc.text), await sdkRead(text)];
          expect(after[sdkKey(target)]).toEqual(Object.fromEntries(wanted));
          expect({ ...after, [sdkKey(target)]: 0 }).toEqual({ ...before, [sdkKey(target)]: 0 });
          expectOthersKept(text, doc.sections, target);
          const spans = doc.sections.filter((s) => s.name === target);
          if (spans.length === 0) {
            // Appended after the file's own bytes, in the line ending the file starts with.
            const ended = doc.text === '' || doc.text.endsWith('\n');
            const eol = /\r?\n/.exec(doc.text)?.[0] ?? '\n';
            expect(text.startsWith(ended ? doc.text : `${doc.text}${eol}`)).toBe(true);
          }
          if (spans.length === 1) {
            // Everything before the header and from the next header on is untouched.
            const lines = doc.text.split(/(?<=\n)/);
            const index = doc.sections.findIndex((s) => s.name === target);
            const headerLine = lines.findIndex(
              (l) => l.replace(/\r?\n$/, '').replace(/^\uFEFF/, '') === spans[0]?.lines[0],
            );
            const next = doc.sections[index + 1];
            const prefix = lines.slice(0, headerLine).join('');
            expect(text.startsWith(prefix)).toBe(true);
            if (next) {
              const nextLine = lines.findIndex(
                (l, i) => i > headerLine && l.replace(/\r?\n$/, '') === next.lines[0],
              );
              // The next header may have lost its indent (see expectOthersKept); nothing else of it changes.
              const rest = lines.slice(nextLine).join('');
              expect(text.endsWith(rest) || text.endsWith(rest.trimStart())).toBe(true);
            }
          }
          expect(text.endsWith('\n') || text === '').toBe(doc.text.endsWith('\n') || doc.text === '');
        },
      ),
      runs,
    );
  });

  it('after updateSection, only the keys set and removed change', async () => {
    await fc.assert(
      fc.asyncProperty(
        document,
        fc.constantFrom(...NAMES),
        entries,
        fc.uniqueArray(key, { maxLength: 3 }),
        async (doc, target, set, removed) => {
          const drop = removed.filter((k) => !set.some(([s]) => s === k));
          const text = edit(doc, target, (d) => d.updateSection(target, set, drop));
          if (text === 'refused') return;
          const [before, after] = [await sdkRead(doc.text), await sdkRead(text)];
          const expected = { ...before[sdkKey(target)] };
          for (const k of Object.keys(expected)) {
            const top = k.split('.')[0] as string;
            if (drop.includes(top) || set.some(([s]) => s === top)) delete expected[k];
          }
          expect(after[sdkKey(target)]).toEqual({ ...expected, ...Object.fromEntries(set) });
          expect({ ...after, [sdkKey(target)]: 0 }).toEqual({ ...before, [sdkKey(target)]: 0 });
        },
      ),
      runs,
    );
  });

  it('after removeSection, the SDK no longer sees it and reads the rest the same', async () => {
    await fc.assert(
      fc.asyncProperty(document, fc.constantFrom(...NAMES), async (doc, target) => {
        const text = edit(doc, target, (d) => d.removeSection(target));
        if (text === 'refused') return;
        const [before, after] = [await sdkRead(doc.text), await sdkRead(text)];
        expect(after[sdkKey(target)]).toBeUndefined();
        expect({ ...after, [sdkKey(target)]: 0 }).toEqual({ ...before, [sdkKey(target)]: 0 });
        expectOthersKept(text, doc.sections, target);
      }),
      runs,
    );
  });
});
