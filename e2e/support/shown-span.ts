// A span the window shows ("7 h 59 min", "59 min", "40 s", as renderer/src/time-text.ts words it) checked against
// the instants it was read between: the page's clock is this machine's, so what it shows until `expiry` lies between
// `expiry - after` and `expiry - before`, however long the machine took between the two.
import { expect } from '@playwright/test';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The spans [from, to) in ms that durationText words as `text`: it rounds minutes down and seconds up. */
function spansWordedAs(text: string): [number, number] {
  const hours = /^(\d+) h(?: (\d+) min)?$/.exec(text);
  if (hours) {
    const from = Number(hours[1]) * HOUR + Number(hours[2] ?? 0) * MINUTE;
    return [from, from + MINUTE];
  }
  const minutes = /^(\d+) min$/.exec(text);
  if (minutes) return [Number(minutes[1]) * MINUTE, (Number(minutes[1]) + 1) * MINUTE];
  const seconds = /^(\d+) s$/.exec(text);
  if (seconds) return [(Number(seconds[1]) - 1) * 1000 + 1, Number(seconds[1]) * 1000 + 1];
  throw new Error(`"${text}" is not a span as the window words one`);
}

/** `shown` ("in 7 h 59 min" inside a sentence) is the time left until `expiry` at some instant in [before, after]. */
export function expectTimeLeftShown(sentence: string, expiry: number, before: number, after: number): void {
  const shown = /\(in ([^)]+)\)/.exec(sentence)?.[1];
  expect(shown, sentence).toBeDefined();
  const [from, to] = spansWordedAs(shown!);
  // The spans it may stand for meet the spans left while it was read.
  expect(from, `${sentence}: ${expiry - after} to ${expiry - before} ms were left`).toBeLessThanOrEqual(
    expiry - before,
  );
  expect(to, `${sentence}: ${expiry - after} to ${expiry - before} ms were left`).toBeGreaterThan(
    expiry - after,
  );
}
