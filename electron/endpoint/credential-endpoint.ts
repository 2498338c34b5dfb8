// A local credential endpoint in the format of the SDKs' container credential provider, which every AWS SDK and the
// AWS CLI read through AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN:
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-container-credentials.html
// It serves one role; its credentials come through the core (the caller's `fetch`) and are renewed before expiry.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeldCredentials } from './held-credentials.js';
import { isLoopbackAddress, newToken, refusal } from './request-guard.js';
import type { EndpointCredentials } from './endpoint-types.js';
import { isSsoTrayError } from '../core/errors.js';

const PATH = '/role-credentials';
/** Plenty for every process of a desktop, and a bound on what a runaway client can hold open. */
const MAX_CONNECTIONS = 1024;

export interface EndpointOptions {
  fetch: () => Promise<EndpointCredentials>;
  /** Where the client's user finds the token, as a refusal ends with it: "`sso-tray serve` printed". */
  tokenFrom: string;
  /** The role's account, served as AccountId (newer SDKs read it). */
  accountId: string;
  /** 127.0.0.1 unless the user asked for another address; a non-loopback one needs `allowNonLoopback`. */
  listen?: string;
  port?: number;
  allowNonLoopback?: boolean;
  now?: () => number;
  /** A renewal or a request failed: the sentence (never a secret) and the failure, once until it recovers. */
  onProblem?: (sentence: string, error: unknown) => void;
  /** A request was answered with credentials (the window counts them). */
  onAnswered?: () => void;
  /** Credentials are served again after a problem. */
  onRecovered?: () => void;
  /** A failure as the front end words it (the problem and its next step); unknown errors get a generic sentence. */
  sentenceOf?: (error: unknown) => string | undefined;
}

export interface RunningEndpoint {
  /** What AWS_CONTAINER_CREDENTIALS_FULL_URI holds. */
  url: string;
  /** What AWS_CONTAINER_AUTHORIZATION_TOKEN holds. */
  token: string;
  /** Requests answered with credentials so far. */
  served(): number;
  /** The current credentials' expiry, once fetched. */
  expiration(): string | undefined;
  close(): Promise<void>;
}

export async function startCredentialEndpoint(options: EndpointOptions): Promise<RunningEndpoint> {
  const listen = options.listen ?? '127.0.0.1';
  const loopback = isLoopbackAddress(listen);
  if (!loopback && !options.allowNonLoopback)
    throw new Error(`refusing to listen on ${listen} without allowNonLoopback`);
  const token = newToken();
  let lastProblem: string | undefined;
  const sentenceOf = (error: unknown) => options.sentenceOf?.(error) ?? plainSentence(error);
  const problem = (error: unknown) => {
    const sentence = sentenceOf(error);
    if (sentence !== lastProblem) options.onProblem?.(sentence, error);
    lastProblem = sentence;
  };
  const held = new HeldCredentials(options.fetch, options.now, problem);
  // Fetched once before the first client asks: the JS SDK gives an endpoint 1 s by default.
  const first = await held.renew();
  let served = 0;
  let expiration = first.expiration;

  const server = http.createServer((request, response) => {
    const refused = refusal(request, token, { anyHost: !loopback, tokenFrom: options.tokenFrom });
    if (refused) return answer(response, refused.status, { Code: refused.code, Message: refused.message });
    if (request.method !== 'GET')
      return answer(response, 405, { Code: 'MethodNotAllowed', Message: 'Only GET is answered here.' });
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== PATH)
      return answer(response, 404, { Code: 'NotFound', Message: `Credentials are at ${PATH}.` });
    held.get().then(
      (credentials) => {
        if (lastProblem !== undefined) options.onRecovered?.();
        lastProblem = undefined;
        served += 1;
        expiration = credentials.expiration;
        options.onAnswered?.();
        answer(response, 200, {
          AccessKeyId: credentials.accessKeyId,
          SecretAccessKey: credentials.secretAccessKey,
          Token: credentials.sessionToken,
          Expiration: credentials.expiration,
          AccountId: options.accountId,
        });
      },
      (error: unknown) => {
        problem(error);
        answer(response, failureStatus(error), {
          Code: 'CredentialsUnavailable',
          Message: sentenceOf(error),
        });
      },
    );
  });
  server.maxConnections = MAX_CONNECTIONS;
  // A client that opens a connection and sends nothing is dropped, not held forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: listenHost(listen), port: options.port ?? 0 }, () => resolve());
    });
  } catch (error) {
    held.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHostOf(listen)}:${port}${PATH}`,
    token,
    served: () => served,
    expiration: () => expiration,
    close: async () => {
      held.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The address to listen on, as the URL names it: brackets dropped, and localhost as 127.0.0.1, since Node listens on
 * the first address the resolver gives (::1 on many machines): https://nodejs.org/api/net.html#serverlistenoptions-callback
 */
function listenHost(listen: string): string {
  const bare = listen.replace(/^\[|\]$/g, '');
  return bare.toLowerCase() === 'localhost' ? '127.0.0.1' : bare;
}

/** The address a client on this machine uses: the listened one, or loopback for "every interface". */
function urlHostOf(listen: string): string {
  const bare = listenHost(listen);
  if (bare === '0.0.0.0' || bare === '::') return '127.0.0.1';
  return bare.includes(':') ? `[${bare}]` : bare;
}

function answer(response: http.ServerResponse, status: number, body: Record<string, string>): void {
  const text = JSON.stringify(body);
  // No Access-Control-* header: a web page is never let read this.
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/**
 * What waits for the user (a failure with a next step: sign in again, usually) is a 4xx, whose Code and Message the JS
 * SDK's fromHttp hands to the program (it drops a 5xx's body); what may pass by itself (throttling, the network) is a
 * 503, which every SDK retries: https://github.com/aws/aws-sdk-js-v3/blob/main/packages/credential-provider-http/src/fromHttp/requestHelpers.ts
 */
function failureStatus(error: unknown): number {
  return isSsoTrayError(error) && error.next ? 403 : 503;
}

function plainSentence(error: unknown): string {
  return error instanceof Error && error.message
    ? error.message
    : 'SSO Tray could not get the role’s credentials; try again.';
}
