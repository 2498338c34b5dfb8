// The AWS sign-in federation endpoint (getSigninToken, login) and a small "console" page it lands on.
// Source: IAM User Guide, "Enable custom identity broker access to the AWS console"
// (id_roles_providers_enable-console-custom-url): Session is URL-encoded JSON {sessionId, sessionKey, sessionToken};
// SessionDuration 900..43200 s for AssumeRole*-kind credentials; the SigninToken is valid for 15 minutes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallRecord } from './model.js';
import { base64url, requestId } from './random-values.js';
import { redirect, sendHtml, sendJson } from './wire.js';

const SIGNIN_TOKEN_SECONDS = 15 * 60;
const MIN_SESSION_DURATION = 900;
const MAX_SESSION_DURATION = 43_200;

export interface IssuedCredentials {
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  accountId: string;
  roleName: string;
  startUrl: string | undefined;
}

interface SigninToken {
  credentials: IssuedCredentials;
  expiresAt: number;
  sessionDuration: number | undefined;
}

/** What the console page shows: who signed in, where, and for how long. */
export interface ConsoleVisit {
  accountId: string;
  roleName: string;
  region: string;
  destination: string;
  issuer: string | undefined;
  sessionDuration: number | undefined;
}

/** Role credentials the portal handed out, and the sign-in tokens made from them; nothing else signs in. */
export class FederationDesk {
  private readonly issued = new Map<string, IssuedCredentials>();
  private readonly tokens = new Map<string, SigninToken>();
  private readonly visits = new Map<string, ConsoleVisit>();

  constructor(private readonly now: () => number) {}

  /** Called with GetRoleCredentials' answer, so the endpoint knows the credentials are its own. */
  remember(answer: unknown, call: Partial<CallRecord>): void {
    const creds = (answer as { roleCredentials?: Record<string, unknown> } | undefined)?.roleCredentials;
    if (!creds || !call.accountId || !call.roleName) return;
    this.issued.set(String(creds.accessKeyId), {
      secretAccessKey: String(creds.secretAccessKey),
      sessionToken: String(creds.sessionToken),
      expiresAt: Number(creds.expiration),
      accountId: call.accountId,
      roleName: call.roleName,
      startUrl: call.startUrl,
    });
  }

  /** GET /federation: 'getSigninToken' or 'login'; anything else is a 400 as a plain sentence. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, baseUrl: string, call: CallRecord): void {
    const action = url.searchParams.get('Action');
    const answer =
      req.method !== 'GET'
        ? refusal(405, 'The federation endpoint takes GET requests.')
        : action === 'getSigninToken'
          ? this.getSigninToken(url.searchParams, call)
          : action === 'login'
            ? this.login(url.searchParams, baseUrl, call)
            : refusal(400, 'Action must be getSigninToken or login.');
    call.status = answer.status;
    if ('json' in answer) return sendJson(res, 200, answer.json);
    if ('location' in answer) return redirect(res, answer.location);
    // The real endpoint's error bodies are not documented; a short plain sentence stands in for them.
    res.writeHead(answer.status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'x-amzn-RequestId': requestId(),
    });
    res.end(answer.message);
  }

  /** Role credentials this emulator issued, by access key id (STS GetCallerIdentity checks requests against them). */
  issuedCredentials(accessKeyId: string): IssuedCredentials | undefined {
    return this.issued.get(accessKeyId);
  }

  /** The console visit behind a /console/<id> page. */
  visit(id: string): ConsoleVisit | undefined {
    return this.visits.get(id);
  }

  private getSigninToken(query: URLSearchParams, call: CallRecord): Answer {
    const durationText = query.get('SessionDuration');
    const duration = durationText === null ? undefined : Number(durationText);
    if (
      duration !== undefined &&
      (!/^\d+$/.test(durationText ?? '') ||
        duration < MIN_SESSION_DURATION ||
        duration > MAX_SESSION_DURATION)
    )
      return refusal(
        400,
        `SessionDuration must be a whole number of seconds from ${MIN_SESSION_DURATION} to ${MAX_SESSION_DURATION}.`,
      );
    let session: Record<string, unknown>;
    try {
      session = JSON.parse(query.get('Session') ?? '') as Record<string, unknown>;
    } catch {
      return refusal(400, 'Session must be JSON with sessionId, sessionKey and sessionToken.');
    }
    const credentials = this.issued.get(String(session?.sessionId));
    if (!credentials) return refusal(400, 'The session credentials are not valid.');
    Object.assign(call, { accountId: credentials.accountId, roleName: credentials.roleName });
    if (
      credentials.secretAccessKey !== session.sessionKey ||
      credentials.sessionToken !== session.sessionToken
    )
      return refusal(400, 'The session credentials are not valid.');
    if (this.now() >= credentials.expiresAt) return refusal(400, 'The session credentials have expired.');
    const token = base64url(240);
    this.tokens.set(token, {
      credentials,
      expiresAt: this.now() + SIGNIN_TOKEN_SECONDS * 1000,
      sessionDuration: duration,
    });
    return { status: 200, json: { SigninToken: token } };
  }

  private login(query: URLSearchParams, baseUrl: string, call: CallRecord): Answer {
    const grant = this.tokens.get(query.get('SigninToken') ?? '');
    if (!grant || this.now() >= grant.expiresAt)
      return refusal(400, 'The sign-in token is not valid or has expired; sign in again.');
    Object.assign(call, { accountId: grant.credentials.accountId, roleName: grant.credentials.roleName });
    const destination = parseDestination(query.get('Destination'));
    if (!destination) return refusal(400, 'Destination must be an https URL of the AWS console.');
    const id = base64url(12);
    this.visits.set(id, {
      accountId: grant.credentials.accountId,
      roleName: grant.credentials.roleName,
      region: regionOf(destination),
      destination: destination.href,
      issuer: query.get('Issuer') ?? undefined,
      sessionDuration: grant.sessionDuration,
    });
    return { status: 302, location: `${baseUrl}/console/${id}` };
  }
}

type Answer =
  | { status: number; json: unknown }
  | { status: number; location: string }
  | { status: number; message: string };

const refusal = (status: number, message: string): Answer => ({ status, message });

function parseDestination(text: string | null): URL | undefined {
  if (!text || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'https:' ? url : undefined;
}

/** The console's region: `?region=` first, then a region host such as eu-west-1.console.aws.amazon.com. */
function regionOf(destination: URL): string {
  return (
    destination.searchParams.get('region') ??
    /^([a-z]{2}(?:-[a-z]+)+-\d+)\.console\./.exec(destination.hostname)?.[1] ??
    'us-east-1'
  );
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a browser lands on after login: the account, role, region and destination, each in its own element. */
export function sendConsolePage(res: ServerResponse, visit: ConsoleVisit | undefined): void {
  if (!visit)
    return sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such console session.</p>');
  const row = (label: string, id: string, value: string) =>
    `<dt>${label}</dt><dd id="${id}">${escapeHtml(value)}</dd>`;
  sendHtml(
    res,
    200,
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AWS Management Console (emulated)</title></head>
<body><main><h1>AWS Management Console (emulated)</h1><dl>
${row('Account', 'account', visit.accountId)}
${row('Role', 'role', visit.roleName)}
${row('Region', 'region', visit.region)}
${row('Destination', 'destination', visit.destination)}
${row('Session duration', 'session-duration', visit.sessionDuration === undefined ? 'default' : `${visit.sessionDuration} s`)}
</dl></main></body></html>`,
  );
}
