// Management console sign-in from role credentials: the federation endpoint's getSigninToken, then the login URL.
// Source: IAM User Guide, "Enable custom identity broker access to the AWS console" (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html).
// The sign-in token and the login URL are bearer secrets: they live only inside a SigninUrl, which never prints them.
import { inspect } from 'node:util';
import { SsoTrayError } from '../errors.js';
import { consoleDestination, partitionOf } from './partition.js';
import { checkEndpointUrl } from '../endpoint-url.js';
import { SIGNIN_ENDPOINT_VARIABLE } from './signin-endpoint.js';
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import { routedFetch } from '../network/routed-fetch.js';
import { routeTakenBy } from '../network/request-route.js';
import { routeSentence } from '../network/proxy-sentences.js';

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface ConsoleSignInOptions {
  /** The console's region; also picks the regional sign-in endpoint. */
  region: string;
  /** A service (`s3`) or a full console URL; default the console's home. */
  destination?: string;
  /** Where the console sends the user when the session ends (the portal's start URL). */
  issuer?: string;
  /** 900..43200; sent only when given (the endpoint's default applies otherwise). */
  sessionDurationSeconds?: number;
  /** The sign-in service's base URL instead of AWS's (AWS_ENDPOINT_URL_SIGNIN). */
  endpoint?: string;
  /** What set `endpoint`, named if it is refused (default AWS_ENDPOINT_URL_SIGNIN). */
  endpointSource?: string;
  fetch?: typeof fetch;
  /** The proxy variables and extra roots the request honours (routed-fetch.ts), unless `fetch` is given. */
  network?: NetworkRoute;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const MIN_SESSION_SECONDS = 900;
const MAX_SESSION_SECONDS = 43_200;

/** The login URL, revealed only on purpose: printing, logging or serialising it shows no token. */
export class SigninUrl {
  readonly #href: string;

  constructor(href: string) {
    this.#href = href;
  }

  /** The URL to hand to the OS opener or to print for `--print`; nothing else. */
  reveal(): string {
    return this.#href;
  }

  get origin(): string {
    return new URL(this.#href).origin;
  }

  toString(): string {
    return `${this.origin}/federation?Action=login (sign-in token hidden)`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** A refusal by the endpoint of the credentials themselves: fresh credentials may succeed (tried once). */
export class ConsoleSignInError extends SsoTrayError {
  constructor(
    code: 'service' | 'network' | 'invalid-input',
    message: string,
    readonly credentialsRefused = false,
  ) {
    super(code, message);
  }
}

/** getSigninToken with the role's credentials, then the login URL for the destination; one call for the handler. */
export async function consoleSignInUrl(
  credentials: SessionCredentials,
  options: ConsoleSignInOptions,
): Promise<SigninUrl> {
  const partition = partitionOf(options.region);
  const destination = consoleDestination(partition, options.region, options.destination);
  const federation = federationUrl(options, partition.federationUrl);
  const token = await getSigninToken(federation, credentials, options);
  const login = new URL(federation);
  login.searchParams.set('Action', 'login');
  if (options.issuer) login.searchParams.set('Issuer', options.issuer);
  login.searchParams.set('Destination', destination);
  login.searchParams.set('SigninToken', token);
  return new SigninUrl(login.href);
}

function federationUrl(options: ConsoleSignInOptions, standard: string): URL {
  if (options.endpoint === undefined) return new URL(standard);
  // The role's secret key goes to this address: https, or http to this machine only (endpoint-url.ts).
  const base = checkEndpointUrl(options.endpoint, options.endpointSource ?? SIGNIN_ENDPOINT_VARIABLE);
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}/federation`);
}

async function getSigninToken(
  federation: URL,
  credentials: SessionCredentials,
  options: ConsoleSignInOptions,
): Promise<string> {
  const duration = options.sessionDurationSeconds;
  if (
    duration !== undefined &&
    (!Number.isInteger(duration) || duration < MIN_SESSION_SECONDS || duration > MAX_SESSION_SECONDS)
  )
    throw new ConsoleSignInError(
      'invalid-input',
      'The console session must last from 15 minutes to 12 hours (900 to 43200 seconds); choose a length in between.',
    );
  const request = new URL(federation);
  request.searchParams.set('Action', 'getSigninToken');
  if (duration !== undefined) request.searchParams.set('SessionDuration', String(duration));
  request.searchParams.set(
    'Session',
    JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    }),
  );
  const host = federation.host;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let answer: Response;
  let text: string;
  try {
    answer = await (options.fetch ?? routedFetch(options.network))(request, {
      redirect: 'manual',
      headers: { Accept: 'application/json' },
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
    text = await answer.text();
  } catch (error) {
    const service = `The AWS sign-in endpoint (${host})`;
    const onTheWay = routeSentence(error, service, routeTakenBy(error) ?? { host: federation.hostname });
    if (onTheWay) throw new ConsoleSignInError('network', onTheWay);
    const why = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new ConsoleSignInError(
      'network',
      `The AWS sign-in endpoint (${host}) could not be reached (${why}); check the network connection and try again.`,
    );
  }
  const said = whatItSaid(text, credentials);
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 429)
    throw new ConsoleSignInError(
      'service',
      `The AWS sign-in endpoint refused the role's credentials (HTTP ${answer.status}${said}); get new credentials for the role and try again.`,
      true,
    );
  if (answer.status !== 200)
    throw new ConsoleSignInError(
      'service',
      `The AWS sign-in endpoint answered HTTP ${answer.status}${said}; try again in a moment.`,
    );
  const token = signinTokenIn(text);
  if (!token)
    throw new ConsoleSignInError(
      'service',
      'The AWS sign-in endpoint answered without a sign-in token; try again in a moment.',
    );
  return token;
}

function signinTokenIn(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { SigninToken?: unknown };
    return typeof body.SigninToken === 'string' && /^[\w\-.~+/=]+$/.test(body.SigninToken)
      ? body.SigninToken
      : undefined;
  } catch {
    return undefined;
  }
}

/** The endpoint's own words, short, plain text, with nothing of the credentials in them. */
function whatItSaid(text: string, credentials: SessionCredentials): string {
  let plain = (messageInJson(text) ?? text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const secret of [credentials.secretAccessKey, credentials.sessionToken, credentials.accessKeyId])
    if (secret) plain = plain.replaceAll(secret, '…');
  if (plain === '') return '';
  return `: "${plain.length > 160 ? `${plain.slice(0, 157)}...` : plain}"`;
}

function messageInJson(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const message = body.message ?? body.Message ?? body.error_description;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
