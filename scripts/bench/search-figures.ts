// The window's search over 5,000 accounts in Chromium (the built renderer over the real core, as the Playwright specs
// run it): each keystroke timed from the input event to the next frame with the filtered list rendered.
import { chromium } from '@playwright/test';
import { startWindowBridge } from '../../e2e/support/window-bridge.js';
import { median } from './measure.js';

/** The little of the page's DOM the probe uses (type-checked without DOM types). */
interface PageDom {
  document: {
    querySelector(selector: string): { value: string; dispatchEvent(event: unknown): boolean } | null;
  };
  Event: new (type: string, init: { bubbles: boolean }) => unknown;
  requestAnimationFrame(callback: () => void): number;
}

export interface SearchFigures {
  keystrokes: number;
  medianMs: number;
  worstMs: number;
}

export async function searchFigures(options: { accounts: number; repeats: number }): Promise<SearchFigures> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  const bridge = await startWindowBridge({ emulator: { accounts: options.accounts }, acme: 'signed-in' });
  try {
    const page = await browser.newPage();
    await bridge.open(page);
    await page
      .getByRole('heading', { name: `All accounts (${options.accounts.toLocaleString('en-US')})` })
      .waitFor({ timeout: 60_000 });
    const target = bridge.emu.organisation.accounts[Math.floor(options.accounts * 0.86)]!;
    const latencies: number[] = [];
    for (let round = 0; round < options.repeats; round++) {
      for (let i = 1; i <= target.accountName.length; i++) {
        latencies.push(
          await page.evaluate(
            async (query) => {
              const dom = globalThis as unknown as PageDom;
              const box = dom.document.querySelector('input[type="search"]')!;
              const start = performance.now();
              box.value = query;
              box.dispatchEvent(new dom.Event('input', { bubbles: true }));
              await new Promise((resolve) => dom.requestAnimationFrame(() => setTimeout(resolve)));
              return performance.now() - start;
            },
            target.accountName.slice(0, i),
          ),
        );
      }
      await page.getByRole('heading', { name: '1 account match' }).waitFor();
    }
    return { keystrokes: latencies.length, medianMs: median(latencies), worstMs: Math.max(...latencies) };
  } finally {
    await bridge.close();
    await browser.close();
  }
}
