// The tray menu a user reads and clicks, built as Electron builds it (the recorded double applies Electron's rules).
import { describe, expect, it } from 'vitest';
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { click, findItem, menuLabels, type MenuView } from '../../e2e/support/electron-double.js';
import type { OwnedProfile } from '../core/aws-files/credentials-file.js';
import type { SessionView } from '../core/shapes/front-end-shapes.js';
import {
  buildProblemMenu,
  buildTrayMenu,
  type TrayActions,
  type TrayRole,
  type TrayState,
} from './menu-template.js';
import { trayTooltip } from './tray-tooltip.js';

const NOW = Date.UTC(2026, 0, 5, 8, 53); // a Monday

const acme: SessionView = {
  name: 'acme',
  startUrl: 'https://acme.awsapps.com/start',
  region: 'us-east-1',
  source: 'app',
  state: 'signed-in',
  expiresAt: '2026-01-05T16:05:00.000Z',
  renewable: false,
};
const beta: SessionView = {
  name: 'beta',
  startUrl: 'https://beta.awsapps.com/start',
  region: 'eu-west-1',
  source: 'sso-session',
  state: 'signed-out',
  renewable: false,
  reason: { message: 'You signed out of beta (eu-west-1).' },
};

const payments: TrayRole = {
  session: 'acme',
  accountId: '111122223333',
  accountName: 'Payments & Billing',
  roleName: 'AdministratorAccess',
};
const sandbox: TrayRole = {
  session: 'beta',
  accountId: '444455556666',
  accountName: 'Sandbox',
  roleName: 'ReadOnly',
};
const recentRoles: TrayRole[] = ['Data', 'Logs', 'Audit', 'Network', 'Security', 'Archive'].map(
  (name, i) => ({
    session: 'acme',
    accountId: `${i + 1}`.repeat(12),
    accountName: name,
    roleName: 'PowerUserAccess',
  }),
);

const kept: OwnedProfile = {
  profile: 'payments',
  session: 'acme',
  accountId: '111122223333',
  roleName: 'AdministratorAccess',
  keepFresh: true,
  expiration: '2026-01-05T09:53:00.000Z',
  writtenAt: '2026-01-05T08:53:00.000Z',
};
const writtenOnce: OwnedProfile = { ...kept, profile: 'once', keepFresh: false };

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    sessions: [acme, beta],
    favourites: [payments, sandbox],
    recent: [payments, ...recentRoles],
    profiles: [kept, writtenOnce],
    served: [],
    now: NOW,
    platform: 'linux',
    timeZone: 'UTC',
    locale: 'en-GB',
    ...overrides,
  };
}

/** The actions main.ts would carry out, as a list of what was asked. */
function recordingActions(withWindow = false): { actions: TrayActions; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const actions: TrayActions = {
    copy: (role, format) => calls.push(['copy', role, format]),
    copyValue: (role, value) => calls.push(['copyValue', role, value]),
    writeProfile: (role, keepFresh) => calls.push(['writeProfile', role, keepFresh]),
    openConsole: (role) => calls.push(['openConsole', role]),
    copyConsoleLink: (role) => calls.push(['copyConsoleLink', role]),
    serve: (role) => calls.push(['serve', role]),
    copyServedVariables: (served) => calls.push(['copyServedVariables', served.id]),
    stopServing: (served) => calls.push(['stopServing', served.id]),
    removeProfile: (profile) => calls.push(['removeProfile', profile]),
    signIn: (session) => calls.push(['signIn', session]),
    cancelSignIn: (session) => calls.push(['cancelSignIn', session]),
    copySignInCode: (session) => calls.push(['copySignInCode', session]),
    openVerificationPage: (session) => calls.push(['openVerificationPage', session]),
    signOut: (session) => calls.push(['signOut', session]),
    quit: () => calls.push(['quit']),
    ...(withWindow
      ? { openWindow: (list?: string) => calls.push(list ? ['openWindow', list] : ['openWindow']) }
      : {}),
  };
  return { actions, calls };
}

function built(s: TrayState, actions: TrayActions): MenuView {
  return Menu.buildFromTemplate(buildTrayMenu(s, actions));
}

const PAYMENTS = 'Payments & Billing / AdministratorAccess';

describe('the whole menu for a realistic day', () => {
  it('lists sessions, favourites, recent roles, kept-fresh profiles, sign-out and Quit in order', () => {
    const menu = built(state(), recordingActions().actions);
    expect(menuLabels(menu)).toEqual([
      'acme — signed in, ends 16:05',
      'beta — signed out',
      'Sign in to beta…',
      '---',
      'Favourites',
      PAYMENTS,
      'Sandbox / ReadOnly',
      '---',
      'Recent',
      'Data / PowerUserAccess',
      'Logs / PowerUserAccess',
      'Audit / PowerUserAccess',
      'Network / PowerUserAccess',
      'Security / PowerUserAccess',
      '---',
      'Profiles kept fresh',
      'payments — expires 09:53',
      '---',
      'Sign out of acme',
      '---',
      'Quit',
    ]);
    expect(findItem(menu, 'acme — signed in, ends 16:05').enabled).toBe(false);
    expect(findItem(menu, 'Favourites').enabled).toBe(false);
  });

  it("gives each role the console first, then the portal's copy formats, the individual values and writing a profile", () => {
    const menu = built(state(), recordingActions().actions);
    expect(menuLabels(menu, PAYMENTS)).toEqual([
      'Open console',
      'Copy console link',
      '---',
      'Copy environment variables (bash, zsh)',
      'Copy for another shell',
      'Copy profile block',
      'Copy access key ID',
      'Copy secret access key',
      'Copy session token',
      '---',
      'Write to credentials file',
      'Write and keep fresh',
      'Serve to local programs',
    ]);
    expect(findItem(menu, PAYMENTS).toolTip).toBe('Account 111122223333 in acme');
  });

  it('shows a profile that has expired as expired, with its role', () => {
    const menu = built(state({ now: Date.UTC(2026, 0, 5, 10, 0) }), recordingActions().actions);
    expect(menuLabels(menu, 'payments — expired 09:53')).toEqual([
      'AdministratorAccess in 111122223333 (acme)',
      'Stop and remove',
    ]);
  });
});

describe('"Served to local programs"', () => {
  const served = {
    id: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f',
    session: 'acme',
    accountId: '111122223333',
    accountName: 'Billing',
    roleName: 'AdministratorAccess',
    url: 'http://127.0.0.1:49152/role-credentials',
    startedAt: '2026-01-05T08:00:00.000Z',
    served: 3,
    expiration: '2026-01-05T09:53:00.000Z',
  };

  it('lists each served role after the kept profiles, with its address, Copy variables and Stop', () => {
    const { actions, calls } = recordingActions();
    const menu = built(state({ served: [served] }), actions);
    const labels = menuLabels(menu);
    const at = labels.indexOf('Served to local programs');
    expect(labels.slice(at - 1, at + 2)).toEqual([
      '---',
      'Served to local programs',
      'Billing / AdministratorAccess — 127.0.0.1:49152',
    ]);
    expect(menuLabels(menu, 'Billing / AdministratorAccess — 127.0.0.1:49152')).toEqual([
      'AdministratorAccess in 111122223333 (acme)',
      '3 requests answered, credentials until 09:53',
      '---',
      'Copy variables (macOS and Linux (bash, zsh))',
      'Stop',
    ]);
    click(
      menu,
      'Billing / AdministratorAccess — 127.0.0.1:49152',
      'Copy variables (macOS and Linux (bash, zsh))',
    );
    click(menu, 'Billing / AdministratorAccess — 127.0.0.1:49152', 'Stop');
    expect(calls).toEqual([
      ['copyServedVariables', served.id],
      ['stopServing', served.id],
    ]);
  });

  it('shows the problem in place of the count, PowerShell on Windows, and nothing while nothing is served', () => {
    const menu = built(
      state({
        served: [
          {
            ...served,
            problem: {
              message: 'Your session for acme (us-east-1) has ended.',
              next: { do: 'sign-in', session: 'acme', when: 'again' },
            },
          },
        ],
        platform: 'win32',
      }),
      recordingActions().actions,
    );
    expect(menuLabels(menu, 'Billing / AdministratorAccess — 127.0.0.1:49152').slice(1)).toEqual([
      // The tray's words for the step, not the program's ("in SSO Tray") the endpoint answers with.
      'Your session for acme (us-east-1) has ended. Sign in again: choose Sign in to acme… in the tray menu.',
      '---',
      'Copy variables (PowerShell)',
      'Stop',
    ]);
    expect(menuLabels(built(state(), recordingActions().actions))).not.toContain('Served to local programs');
  });
});

describe('each click asks for the right thing', () => {
  it('calls the action with the role and the format or value of the item', () => {
    const { actions, calls } = recordingActions();
    const menu = built(state(), actions);
    const expected: Array<[string[], unknown[]]> = [
      [['Open console'], ['openConsole', payments]],
      [['Copy console link'], ['copyConsoleLink', payments]],
      [['Copy environment variables (bash, zsh)'], ['copy', payments, 'env']],
      [
        ['Copy for another shell', 'fish shell'],
        ['copy', payments, 'fish'],
      ],
      [
        ['Copy for another shell', 'PowerShell'],
        ['copy', payments, 'powershell'],
      ],
      [
        ['Copy for another shell', 'Windows cmd'],
        ['copy', payments, 'windows-cmd'],
      ],
      [
        ['Copy for another shell', '.env file'],
        ['copy', payments, 'dotenv'],
      ],
      [['Copy profile block'], ['copy', payments, 'profile']],
      [['Copy access key ID'], ['copyValue', payments, 'accessKeyId']],
      [['Copy secret access key'], ['copyValue', payments, 'secretAccessKey']],
      [['Copy session token'], ['copyValue', payments, 'sessionToken']],
      [['Write to credentials file'], ['writeProfile', payments, false]],
      [['Write and keep fresh'], ['writeProfile', payments, true]],
      [['Serve to local programs'], ['serve', payments]],
    ];
    for (const [path, call] of expected) {
      calls.length = 0;
      click(menu, PAYMENTS, ...path);
      expect(calls).toEqual([call]);
    }
  });

  it('passes the recent role clicked, not another', () => {
    const { actions, calls } = recordingActions();
    click(built(state(), actions), 'Audit / PowerUserAccess', 'Copy profile block');
    expect(calls).toEqual([['copy', recentRoles[2], 'profile']]);
  });

  it('signs in, signs out, removes a kept-fresh profile and quits', () => {
    const { actions, calls } = recordingActions();
    const menu = built(state(), actions);
    click(menu, 'Sign in to beta…');
    click(menu, 'Sign out of acme');
    click(menu, 'payments — expires 09:53', 'Stop and remove');
    click(menu, 'Quit');
    expect(calls).toEqual([['signIn', 'beta'], ['signOut', 'acme'], ['removeProfile', 'payments'], ['quit']]);
  });

  it('offers "Open SSO Tray…" only when the window exists', () => {
    expect(menuLabels(built(state(), recordingActions().actions))).not.toContain('Open SSO Tray…');
    const { actions, calls } = recordingActions(true);
    const menu = built(state(), actions);
    expect(menuLabels(menu).slice(-2)).toEqual(['Open SSO Tray…', 'Quit']);
    click(menu, 'Open SSO Tray…');
    expect(calls).toEqual([['openWindow']]);
  });
});

describe('"Find a role…" opens the quick-pick', () => {
  it('sits above "Open SSO Tray…" when the app has a quick-pick', () => {
    const { actions, calls } = recordingActions(true);
    const menu = built(state(), { ...actions, findRole: () => calls.push(['findRole']) });
    expect(menuLabels(menu).slice(-3)).toEqual(['Find a role…', 'Open SSO Tray…', 'Quit']);
    click(menu, 'Find a role…');
    expect(calls).toEqual([['findRole']]);
    expect(menuLabels(built(state(), recordingActions(true).actions))).not.toContain('Find a role…');
  });
});

describe('roles of a session that is not signed in', () => {
  it('are greyed out with the reason, and cannot be clicked', () => {
    const { actions, calls } = recordingActions();
    const menu = built(state(), actions);
    const item = findItem(menu, 'Sandbox / ReadOnly');
    expect(item.enabled).toBe(false);
    expect(item.sublabel).toBe('Sign in to beta first');
    expect(item.toolTip).toBe('Sign in to beta first');
    expect(() => click(menu, 'Sandbox / ReadOnly', 'Copy profile block')).toThrow(/is disabled/);
    expect(calls).toEqual([]);
  });

  it('say so when the session has gone, and all are greyed when every session is signed out', () => {
    const signedOut: SessionView = {
      ...acme,
      state: 'expired',
      reason: {
        message: 'Your session for acme (us-east-1) has ended.',
        next: { do: 'sign-in', session: 'acme', when: 'again' },
      },
    };
    const menu = built(
      state({ sessions: [signedOut], favourites: [payments, sandbox] }),
      recordingActions().actions,
    );
    expect(findItem(menu, PAYMENTS).sublabel).toBe('Sign in to acme first');
    expect(findItem(menu, 'Sandbox / ReadOnly').sublabel).toBe('The session beta is no longer set up');
    expect(menuLabels(menu).slice(0, 2)).toEqual(['acme — expired', 'Sign in to acme…']);
    // The reason's next step in the tray's words: the menu item right below it.
    expect(findItem(menu, 'acme — expired').sublabel).toBe(
      'Your session for acme (us-east-1) has ended. Sign in again: choose Sign in to acme… in the tray menu.',
    );
    expect(menuLabels(menu)).not.toContain('Sign out of acme');
  });
});

describe('the sign-in status line', () => {
  it('shows the device code, where to enter it and the time left, with Cancel', () => {
    const { actions, calls } = recordingActions();
    const menu = built(
      state({
        sessions: [{ ...acme, state: 'signing-in' }, beta],
        signingIn: {
          session: 'acme',
          userCode: 'ABCD-EFGH',
          verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
          secondsLeft: 299,
        },
      }),
      actions,
    );
    expect(menuLabels(menu).slice(0, 6)).toEqual([
      'acme — signing in: enter ABCD-EFGH at https://device.sso.us-east-1.amazonaws.com/ (4:59 left)',
      'Copy code ABCD-EFGH',
      'Open verification page',
      'Cancel sign-in',
      'beta — signed out',
      'Sign in to beta…',
    ]);
    expect(findItem(menu, PAYMENTS).sublabel).toBe('Signing in to acme…');
    click(menu, 'Copy code ABCD-EFGH');
    click(menu, 'Open verification page');
    click(menu, 'Cancel sign-in');
    expect(calls).toEqual([
      ['copySignInCode', 'acme'],
      ['openVerificationPage', 'acme'],
      ['cancelSignIn', 'acme'],
    ]);
  });

  it('points to the browser during a browser sign-in', () => {
    const menu = built(
      state({
        sessions: [{ ...acme, state: 'signing-in' }],
        signingIn: { session: 'acme', secondsLeft: 61 },
      }),
      recordingActions().actions,
    );
    expect(menuLabels(menu).slice(0, 2)).toEqual([
      'acme — signing in: continue in your browser (1:01 left)',
      'Cancel sign-in',
    ]);
  });

  it('shows when a sign-in that renews itself renews next, and says when one is renewing', () => {
    const renewable = built(state({ sessions: [{ ...acme, renewable: true }] }), recordingActions().actions);
    expect(menuLabels(renewable)[0]).toBe('acme — signed in, renews automatically before 16:05');
    const renewing = built(
      state({ sessions: [{ ...acme, state: 'refreshing' }] }),
      recordingActions().actions,
    );
    expect(menuLabels(renewing)[0]).toBe('acme — signed in, renewing…');
    expect(menuLabels(renewing)).toContain('Sign out of acme');
  });

  it('names the day of an end time that is not today, in the given time zone', () => {
    const tomorrow = { ...acme, expiresAt: '2026-01-06T09:05:00.000Z' };
    expect(menuLabels(built(state({ sessions: [tomorrow] }), recordingActions().actions))[0]).toBe(
      'acme — signed in, ends Tue 09:05',
    );
    const tokyo = built(state({ timeZone: 'Asia/Tokyo' }), recordingActions().actions);
    expect(menuLabels(tokyo)[0]).toBe('acme — signed in, ends Tue 01:05');
    const american = built(
      state({ locale: 'en-US', timeZone: 'America/New_York' }),
      recordingActions().actions,
    );
    expect(menuLabels(american)[0]).toBe('acme — signed in, ends 11:05 AM');
  });
});

describe('empty states say what to do', () => {
  const empty = state({ sessions: [], favourites: [], recent: [], profiles: [writtenOnce] });

  it('without the window: the command line and the Recent list', () => {
    expect(menuLabels(built(empty, recordingActions().actions))).toEqual([
      'No sign-in set up: run sso-tray login --start-url URL --region REGION --session NAME',
      '---',
      'Favourites',
      'No favourites yet: the roles you copy or write show under Recent',
      '---',
      'Recent',
      'Nothing used yet: the roles you copy or write from this menu show here',
      '---',
      'Profiles kept fresh',
      'None yet: choose “Write and keep fresh” on a role',
      '---',
      'Quit',
    ]);
  });

  it('with the window: the window', () => {
    const labels = menuLabels(built(empty, recordingActions(true).actions));
    expect(labels[0]).toBe('No sign-in set up: open SSO Tray to add one');
    expect(labels[3]).toBe('No favourites yet: star a role in the window');
  });

  it('a recent list holding only favourites is empty', () => {
    const labels = menuLabels(built(state({ recent: [payments] }), recordingActions().actions));
    expect(labels.slice(labels.indexOf('Recent'), labels.indexOf('Recent') + 2)).toEqual([
      'Recent',
      'Nothing used yet: the roles you copy or write from this menu show here',
    ]);
  });
});

describe('long lists stay short, with More… opening the window on them', () => {
  const many = (n: number, name: string): TrayRole[] =>
    Array.from({ length: n }, (_, i) => ({
      session: 'acme',
      accountId: String(100000000000 + i),
      accountName: `${name} ${i + 1}`,
      roleName: name,
    }));

  it('caps favourites at 10 and recent at 5, each with More…', () => {
    const { actions, calls } = recordingActions(true);
    const menu = built(state({ favourites: many(14, 'Fav'), recent: many(8, 'Used') }), actions);
    const labels = menuLabels(menu);
    const favourites = labels.slice(labels.indexOf('Favourites') + 1, labels.indexOf('Recent') - 1);
    expect(favourites).toHaveLength(11);
    expect(favourites.at(-1)).toBe('More… (4 more)');
    const recent = labels.slice(labels.indexOf('Recent') + 1, labels.indexOf('Profiles kept fresh') - 1);
    expect(recent).toEqual([...many(5, 'Used').map((r) => `${r.accountName} / Used`), 'More… (3 more)']);
    click(menu, 'More… (4 more)');
    click(menu, 'More… (3 more)');
    expect(calls).toEqual([
      ['openWindow', 'favourites'],
      ['openWindow', 'recent'],
    ]);
  });

  it('has no More… when everything fits', () => {
    const fits = state({ recent: recentRoles.slice(0, 5) });
    expect(menuLabels(built(fits, recordingActions(true).actions)).some((l) => l.startsWith('More'))).toBe(
      false,
    );
  });
});

describe("'&' in a name", () => {
  it('is written "&&" so Electron shows it instead of taking it for a mnemonic', () => {
    const template = buildTrayMenu(state(), recordingActions().actions);
    const favourite = template.find((item) => item.label?.startsWith('Payments'));
    expect(favourite?.label).toBe('Payments && Billing / AdministratorAccess');
    expect(menuLabels(built(state(), recordingActions().actions))).toContain(PAYMENTS);
  });

  it('never leaves a single & in any label of the menu', () => {
    const odd = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((item) => [
        ...(item.label?.replace(/&&/g, '').includes('&') ? [item.label] : []),
        ...(Array.isArray(item.submenu) ? odd(item.submenu) : []),
      ]);
    const named = { ...payments, accountName: 'R&D & Ops &', roleName: 'A&B' };
    const s = state({ favourites: [named], recent: [{ ...named, accountId: '999988887777' }] });
    expect(odd(buildTrayMenu(s, recordingActions().actions))).toEqual([]);
    expect(menuLabels(built(s, recordingActions().actions))).toContain('R&D & Ops & / A&B');
  });
});

describe("the user's platform comes first in the shells", () => {
  const shells = (platform: NodeJS.Platform) =>
    menuLabels(built(state({ platform }), recordingActions().actions), PAYMENTS, 'Copy for another shell');

  it("puts the platform's own shell on the role's first level", () => {
    const first = (platform: NodeJS.Platform) =>
      // After the console's two items and their separator.
      menuLabels(built(state({ platform }), recordingActions().actions), PAYMENTS)[3];
    expect(first('win32')).toBe('Copy environment variables (PowerShell)');
    expect(first('darwin')).toBe('Copy environment variables (bash, zsh)');
    const { actions, calls } = recordingActions();
    click(built(state({ platform: 'win32' }), actions), PAYMENTS, 'Copy environment variables (PowerShell)');
    expect(calls).toEqual([['copy', payments, 'powershell']]);
  });

  it('on Windows: cmd, then the POSIX shells, then .env, one level down', () => {
    expect(shells('win32')).toEqual([
      'Windows cmd',
      'macOS and Linux (bash, zsh)',
      'fish shell',
      '.env file',
    ]);
  });

  it('on macOS and Linux: bash/zsh and fish, then the Windows shells, then .env', () => {
    const posix = ['fish shell', 'PowerShell', 'Windows cmd', '.env file'];
    expect(shells('darwin')).toEqual(posix);
    expect(shells('linux')).toEqual(posix);
  });
});

describe('the tooltip', () => {
  it('says who is signed in and for how long', () => {
    expect(trayTooltip(state())).toBe('SSO Tray — acme: signed in, ends 16:05; beta: signed out');
  });

  it('covers every state and no session at all', () => {
    const views: SessionView[] = [
      { ...acme, name: 'a', renewable: true },
      { ...acme, name: 'b', state: 'refreshing' },
      { ...acme, name: 'c', state: 'signing-in' },
      { ...acme, name: 'd', state: 'expired' },
    ];
    expect(trayTooltip(state({ sessions: views }))).toBe(
      'SSO Tray — a: signed in, renews automatically before 16:05; b: signed in, renewing; c: signing in; d: expired, sign in again',
    );
    expect(trayTooltip(state({ sessions: [] }))).toBe('SSO Tray — no sign-in set up');
  });

  it("fits Windows' 127 characters, and only there is it cut", () => {
    const many = ['production', 'staging', 'development', 'sandbox', 'security'].map((name) => ({
      ...acme,
      name,
    }));
    const windows = trayTooltip(state({ sessions: many, platform: 'win32' }));
    expect(windows).toHaveLength(127);
    expect(windows.endsWith('…')).toBe(true);
    expect(trayTooltip(state({ sessions: many, platform: 'darwin' })).length).toBeGreaterThan(127);
  });
});

describe('the menu when the state cannot be read', () => {
  it('shows the sentence and still lets the user quit', () => {
    const { actions, calls } = recordingActions();
    const menu = Menu.buildFromTemplate(
      buildProblemMenu(
        'settings.json has settings SSO Tray cannot read (it is not valid JSON); fix or delete it.',
        actions,
      ),
    );
    expect(menuLabels(menu)).toEqual([
      'settings.json has settings SSO Tray cannot read (it is not valid JSON); fix or delete it.',
      '---',
      'Quit',
    ]);
    click(menu, 'Quit');
    expect(calls).toEqual([['quit']]);
  });
});
