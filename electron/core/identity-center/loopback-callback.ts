// The one-shot 127.0.0.1 listener the browser is redirected to after the user approves (PKCE; docs/aws-files-and-protocols.md, "Sign-in").
import type { AddressInfo } from 'node:net';

const CALLBACK_PATH = '/oauth/callback';

type CallbackOutcome = { kind: 'code'; code: string } | { kind: 'denied' } | { kind: 'error'; error: string };

/** A request without our state is no answer to our sign-in: any local process could send one, so it is ignored. */
type Answer = CallbackOutcome | { kind: 'bad-state' };

export interface LoopbackCallback {
  /** http://127.0.0.1:PORT/oauth/callback */
  redirectUri: string;
  /** Settles with the first request to the callback path that carries our state; the listener is closed by then. */
  outcome: Promise<CallbackOutcome>;
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The text of the page the browser shows after the redirect. */
function callbackPageText(outcome: Answer, sessionName: string): { title: string; text: string } {
  switch (outcome.kind) {
    case 'bad-state':
      return {
        title: 'Not this sign-in',
        text: `This answer does not belong to the sign-in SSO Tray is waiting for, so it was ignored. Approve the request in the tab SSO Tray opened for ${sessionName}.`,
      };
    case 'code':
      return {
        title: 'Signed in',
        text: `SSO Tray is signing you in to ${sessionName}. You can close this tab.`,
      };
    case 'denied':
      return {
        title: 'Sign-in denied',
        text: `The sign-in for ${sessionName} was denied. You can close this tab.`,
      };
    default:
      return {
        title: 'Sign-in failed',
        text: `The sign-in for ${sessionName} could not be completed. Close this tab and start the sign-in again from SSO Tray.`,
      };
  }
}

function page(outcome: Answer, sessionName: string): string {
  const { title, text } = callbackPageText(outcome, sessionName);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSO Tray: ${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem">` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`
  );
}

function judge(query: URLSearchParams, expectedState: string): Answer {
  // The state is checked first: a request without our state is not an answer to our sign-in.
  if (query.get('state') !== expectedState) return { kind: 'bad-state' };
  const error = query.get('error');
  if (error === 'access_denied') return { kind: 'denied' };
  if (error) return { kind: 'error', error };
  const code = query.get('code');
  return code ? { kind: 'code', code } : { kind: 'error', error: 'missing_code' };
}

/**
 * Listens on 127.0.0.1 on a free port; answers 421 to requests addressed to another host, 400 to those without our
 * state, and closes after the first with it.
 */
export async function listenForCallback(
  expectedState: string,
  sessionName: string,
): Promise<LoopbackCallback> {
  let settle!: (outcome: CallbackOutcome) => void;
  const outcome = new Promise<CallbackOutcome>((resolve) => (settle = resolve));
  let answered = false;
  let ownHost = '';
  // node:http loads with the sign-in that listens, not with every command and window that imports the core, and as a
  // built-in (https://nodejs.org/api/process.html#processgetbuiltinmoduleid): an ES import of it builds a facade that
  // also loads undici (https://github.com/nodejs/node/issues/59686), 50-100 ms against about 10 here.
  const { createServer } = process.getBuiltinModule('node:http');
  const server = createServer((req, res) => {
    // DNS rebinding: a page on another site whose name now resolves to 127.0.0.1 reaches this port with its own name in
    // Host; only requests addressed to 127.0.0.1:PORT are ours (https://developer.chrome.com/blog/private-network-access-update).
    if (req.headers.host !== ownHost) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (answered || req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Not found');
      return;
    }
    const result = judge(url.searchParams, expectedState);
    answered = result.kind !== 'bad-state';
    const html = page(result, sessionName);
    res.writeHead(result.kind === 'code' ? 200 : 400, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      Connection: 'close',
    });
    res.end(html, () => {
      if (result.kind === 'bad-state') return;
      void close();
      settle(result);
    });
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ownHost = `127.0.0.1:${port}`;
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, outcome, close };
}
