#!/usr/bin/env node
// Runs a test command as if it were another moment in another time zone:
//   node scripts/test-at.mjs --tz Europe/Berlin --at 2026-10-25T01:30:00+02:00 -- npx vitest run --project node
// Every Node process it starts (the runner, its workers, the CLIs they spawn) reads the wall clock shifted by the
// same offset (scripts/shifted-clock.cjs), so what a test asserts about rendered times is checked at that hour.
import { spawn } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 && at < split ? args[at + 1] : undefined;
};
const tz = option('--tz');
const at = Date.parse(option('--at') ?? '');
if (split < 0 || !tz || !Number.isFinite(at) || split === args.length - 1) {
  console.error('usage: node scripts/test-at.mjs --tz ZONE --at ISO-TIME-WITH-OFFSET -- COMMAND [ARGS…]');
  process.exit(2);
}
const preload = fileURLToPath(new URL('./shifted-clock.cjs', import.meta.url));
const env = {
  ...process.env,
  TZ: tz,
  SSO_TRAY_TEST_CLOCK_OFFSET_MS: String(at - Date.now()),
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`.trim(),
};
const localTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'full',
  timeStyle: 'long',
  timeZone: tz,
}).format(at);
console.error(`test-at: ${args.slice(split + 1).join(' ')} at ${localTime}`);
const child = spawn(args[split + 1], args.slice(split + 2), { env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal === 'SIGINT' ? 2 : 15)));
