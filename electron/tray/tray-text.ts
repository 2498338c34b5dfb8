// The words and times the tray shows: menu-safe labels, clock times in the user's zone and countdowns.

/** Where and how times are shown; both default to the user's own (Intl's defaults). */
export interface TimeStyle {
  timeZone?: string;
  locale?: string;
}

/** A label as Electron shows it: a single '&' marks a mnemonic on every platform, '&&' is one literal '&'. */
export function menuLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

const DAY_MS = 24 * 60 * 60_000;

/** "16:05" today, "Tue 16:05" within the week, "12 Jan, 16:05" beyond, in the user's locale and zone. */
export function clockTime(at: number, now: number, style: TimeStyle = {}): string {
  const zone = style.timeZone ? { timeZone: style.timeZone } : {};
  const format = (options: Intl.DateTimeFormatOptions, locale = style.locale) =>
    new Intl.DateTimeFormat(locale, { ...options, ...zone }).format(at);
  const time = format({ timeStyle: 'short' });
  const day = (epoch: number) =>
    new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', ...zone }).format(epoch);
  if (day(at) === day(now)) return time;
  if (Math.abs(at - now) < 6 * DAY_MS) return `${format({ weekday: 'short' })} ${time}`;
  return `${format({ day: 'numeric', month: 'short' })}, ${time}`;
}

/** "4:59" for a sign-in countdown. */
export function countdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
