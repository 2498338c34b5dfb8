// How the window words times: a session's end, a listing's age, a sign-in countdown. Pure, so tested under Node.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as people read it: "7 h 59 min", "12 min", "40 s". */
export function durationText(ms: number): string {
  const span = Math.max(0, ms);
  if (span >= HOUR) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (span >= MINUTE) return `${Math.floor(span / MINUTE)} min`;
  return `${Math.ceil(span / 1000)} s`;
}

/** A countdown clock: "9:58", "0:07". */
export function countdownText(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** How old something is: "just now", "5 min ago", "3 h ago", "2 days ago". */
export function ageText(iso: string, now: number): string {
  const age = now - Date.parse(iso);
  if (!Number.isFinite(age) || age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  const days = Math.floor(age / DAY);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A moment in the user's time zone: the time of day when it is within a day of now, else with the date. */
function clockText(when: string | Date, now: number): string {
  const date = new Date(when);
  return Math.abs(date.getTime() - now) < DAY ? timeOfDay.format(date) : dayAndTime.format(date);
}

/** "at 17:42 (in 7 h 59 min)", or "at 09:10 (12 min ago)" once past. */
export function momentText(when: string | Date, now: number): string {
  const at = new Date(when).getTime();
  const relative = at >= now ? `in ${durationText(at - now)}` : `${durationText(now - at)} ago`;
  return `${clockText(when, now)} (${relative})`;
}
