// `sso-tray login`: adds a session from --start-url/--region when asked, then signs in.
import type { Command } from 'commander';
import { SsoTrayError } from '../../core/public.js';
import type { SignInFlow } from '../../core/shapes/front-end-shapes.js';
import { timeLeft, type Io } from '../output.js';
import { sessionNameFromStartUrl } from '../resolve.js';
import { sessionOption, type CommandHost } from '../command-host.js';
import { regionArgument, startUrlArgument } from '../arguments.js';

export function addLogin(program: Command, { io, env, ctx, onInterrupt }: CommandHost): void {
  program
    .command('login')
    .description('sign in to Identity Center (browser with PKCE by default)')
    .addOption(sessionOption())
    .option(
      '--start-url <url>',
      'start URL of a session to add, e.g. https://acme.awsapps.com/start',
      startUrlArgument,
    )
    .option('--region <region>', 'Identity Center region of the start URL, e.g. us-east-1', regionArgument)
    .option('--device-code', 'sign in with a device code instead of the browser redirect')
    .option('--no-browser', 'print the URL (and code) instead of opening a browser')
    .action(
      async (options: {
        session?: string;
        startUrl?: string;
        region?: string;
        deviceCode?: boolean;
        browser: boolean;
      }) => {
        const { flow, why } = await chooseFlow(options, env);
        // A device code printed for a person (--no-browser) needs no opener: the code's line names the URL once.
        const c = await ctx(
          flow === 'device-code' && !options.browser
            ? {}
            : { openBrowser: await browserOpener(options.browser, io, flow) },
        );
        let name = options.session;
        let added: string | undefined;
        if (options.startUrl || options.region) {
          if (!options.startUrl || !options.region) {
            throw new SsoTrayError(
              'invalid-input',
              'Give both --start-url and --region to add a session, e.g. `sso-tray login --start-url https://acme.awsapps.com/start --region us-east-1`.',
            );
          }
          name ??= sessionNameFromStartUrl(options.startUrl);
          const sessions = await c.call('sessions:list', {});
          const existing = sessions.find((s) => s.name === name);
          if (!existing) {
            await c.call('sessions:add', { name, startUrl: options.startUrl, region: options.region });
            added = name;
            io.err(`Added session ${name} (${options.region}).\n`);
          } else if (existing.startUrl !== options.startUrl || existing.region !== options.region) {
            throw new SsoTrayError(
              'invalid-input',
              `The session "${name}" already uses ${existing.startUrl} in ${existing.region}; choose another --session name.`,
            );
          }
        }
        name = await c.sessionName(name);
        const session = name;
        if (why) io.err(`${why}\n`);
        // A first sign-in that fails or is interrupted leaves nothing behind: the session added for it goes again.
        let forgetting: Promise<void> | undefined;
        const forget = () =>
          (forgetting ??= added
            ? c.call('sessions:remove', { session }).then(() => io.err(`Removed session ${session} again.\n`))
            : Promise.resolve());
        const stop = onInterrupt(async () => {
          await c.call('sessions:cancel-sign-in', { session }).catch(() => undefined);
          await forget();
        });
        const { signInWithProgress } = await import('../run/sign-in-progress.js');
        const view = await signInWithProgress(c, io, session, flow)
          .catch(async (error: unknown) => {
            await forget();
            throw error;
          })
          .finally(stop);
        io.err(
          `Signed in to ${view.name} (${view.region}); the sign-in expires ${timeLeft(view.expiresAt, c.now())}${view.renewable ? ' and renews itself' : ''}.\n`,
        );
      },
    );
}

/** The browser unless asked otherwise; without a display to open one on (and a browser wanted), a device code, and why. */
async function chooseFlow(
  options: { deviceCode?: boolean; browser: boolean },
  env: Record<string, string | undefined>,
): Promise<{ flow: SignInFlow; why?: string }> {
  if (options.deviceCode) return { flow: 'device-code' };
  if (!options.browser || !(await import('../open-browser.js')).noDisplay(env)) return { flow: 'browser' };
  return {
    flow: 'device-code',
    why: 'No display found ($DISPLAY and $WAYLAND_DISPLAY are unset), so sso-tray signs in with a device code; --device-code chooses it directly.',
  };
}

async function browserOpener(
  open: boolean,
  io: Io,
  flow: SignInFlow,
): Promise<(url: string) => Promise<void>> {
  if (!open) {
    return async (url) => io.err(`Open this URL in a browser to sign in:\n  ${url}\n`);
  }
  const { openInBrowser } = await import('../open-browser.js');
  if (flow === 'device-code') return openInBrowser;
  // The core falls back to a device code when the browser does not open: say why first.
  return (url) =>
    openInBrowser(url).catch((error: unknown) => {
      io.err(
        `No browser could be opened (${error instanceof Error ? error.message : String(error)}), so sso-tray signs in with a device code; --device-code chooses it directly.\n`,
      );
      throw error;
    });
}
