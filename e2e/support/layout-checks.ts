// What a user sees as a broken layout, measured in the page: boxes drawn over each other, a text drawn on more lines
// than it has words (a name squeezed to a letter or two a line), a list that scrolls in a sliver.
import type { Locator, Page } from '@playwright/test';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** A role row's name, star, region field and links: each at least 8 px wide, none over another. */
export async function roleRowProblems(row: Locator): Promise<string[]> {
  const parts: Array<[string, Locator]> = [
    ['name', row.locator('.role-name')],
    ['star', row.locator('.star')],
    ['region', row.locator('.console-region')],
    ...(await row.locator('button.link').all()).map((l, i): [string, Locator] => [`link ${i + 1}`, l]),
  ];
  const boxes: Array<[string, Box]> = [];
  for (const [name, part] of parts) {
    const box = (await part.count()) ? await part.boundingBox() : null;
    if (box) boxes.push([name, box]);
  }
  const label = (await row.locator('.role-name').textContent()) ?? '';
  const problems: string[] = [];
  for (const [name, box] of boxes)
    if (box.width < 8) problems.push(`${label}: ${name} is ${box.width}px wide`);
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1)
      if (overlap(boxes[i]![1], boxes[j]![1]))
        problems.push(`${label}: ${boxes[i]![0]} overlaps ${boxes[j]![0]}`);
  return problems;
}

/**
 * Every visible element under `selector` whose own text is drawn on more lines than it has words: a word broken
 * across lines. Words are what a browser may wrap between (spaces and hyphens).
 */
export function wordsBrokenAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) => {
    const found: string[] = [];
    for (const root of roots) {
      const doc = root.ownerDocument;
      for (const element of [root, ...root.querySelectorAll('*')]) {
        // Text nodes (nodeType 3) with something in them: the element's own text.
        const texts = [...element.childNodes].filter(
          (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
        );
        if (texts.length === 0 || element.getClientRects().length === 0) continue;
        const words = texts.flatMap((t) => (t.textContent ?? '').split(/[\s-]+/).filter(Boolean)).length;
        const tops = new Set<number>();
        for (const text of texts) {
          const range = doc.createRange();
          range.selectNodeContents(text);
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
        }
        if (tops.size > words) {
          const text = texts.map((t) => t.textContent?.trim()).join(' ');
          found.push(`"${text}" (${element.getAttribute('class') || element.tagName}) on ${tops.size} lines`);
        }
      }
    }
    return found;
  });
}

/** The height of the area that scrolls `list` (its nearest ancestor that scrolls, or the page), in CSS pixels. */
export function scrollAreaHeight(list: Locator): Promise<number> {
  return list.evaluate((element) => {
    const doc = element.ownerDocument;
    for (let at = element.parentElement; at; at = at.parentElement) {
      const overflow = doc.defaultView?.getComputedStyle(at).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') return at.clientHeight;
    }
    return doc.documentElement.clientHeight;
  });
}
