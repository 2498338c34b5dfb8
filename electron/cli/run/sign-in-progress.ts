// Sign-in from a terminal: what to open, the code to confirm, and a countdown on a terminal (one line, redrawn).
import type { SessionView, SignInFlow, SignInProgress } from '../../core/shapes/front-end-shapes.js';
import type { CliContext } from '../context.js';
import type { Io } from '../output.js';

export async function signInWithProgress(
  c: CliContext,
  io: Io,
  session: string,
  flow: SignInFlow,
): Promise<SessionView> {
  let countdownShown = false;
  const stop = c.on('sign-in-progress', (event) => {
    if (event.session !== session) return;
    const line = describe(event.progress);
    if (event.progress.step === 'waiting') {
      if (!io.interactive) return; // a log gets no countdown spam
      io.err(`\r${line}`);
      countdownShown = true;
      return;
    }
    if (countdownShown) io.err('\n');
    countdownShown = false;
    if (line) io.err(`${line}\n`);
  });
  try {
    return await c.call('sessions:sign-in', { session, flow });
  } finally {
    if (countdownShown) io.err('\n');
    stop();
  }
}

function describe(progress: SignInProgress): string {
  switch (progress.step) {
    case 'registering':
      return 'Registering sso-tray with Identity Center…';
    case 'open-browser':
      return 'Waiting for you to approve the sign-in in the browser…';
    case 'device-code':
      return (
        `To sign in, open ${progress.verificationUri} and confirm the code ${progress.userCode}\n` +
        `  (or open ${progress.verificationUriComplete})`
      );
    case 'waiting': {
      const m = Math.floor(progress.secondsLeft / 60);
      const s = String(progress.secondsLeft % 60).padStart(2, '0');
      return `Waiting for approval… ${m}:${s} left `;
    }
    case 'creating-token':
      return '';
  }
}
