// STS GetCallerIdentity, enough for the AWS CLI and the SDKs to prove the role credentials they hold: the AWS Query
// protocol (form body, XML answer), and a SigV4 signature checked against credentials GetRoleCredentials issued.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { CallRecord } from './model.js';
import type { IssuedCredentials } from './federation-endpoint.js';
import { requestId } from './random-values.js';

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** SignatureV4's hash: SHA-256, or HMAC-SHA-256 when given a key. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

type Answer = { status: number; code?: string; message?: string; credentials?: IssuedCredentials };

export async function getCallerIdentity(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  now: number,
  lookUp: (accessKeyId: string) => IssuedCredentials | undefined,
  call: CallRecord,
): Promise<void> {
  const answer = await check(req, body, now, lookUp);
  call.status = answer.status;
  const id = requestId();
  if (answer.credentials) {
    const { accountId, roleName, expiresAt } = answer.credentials;
    Object.assign(call, { accountId, roleName, credentialsExpireAt: expiresAt });
    const user = `AROA${accountId}:sso-tray-emulator`;
    return xml(res, 200, id, [
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
      '<GetCallerIdentityResult>',
      `<Arn>arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}_0123456789abcdef/sso-tray-emulator</Arn>`,
      `<UserId>${user}</UserId>`,
      `<Account>${accountId}</Account>`,
      '</GetCallerIdentityResult>',
      `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata>`,
      '</GetCallerIdentityResponse>',
    ]);
  }
  call.errorType = answer.code;
  xml(res, answer.status, id, [
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    `<Error><Type>Sender</Type><Code>${answer.code}</Code><Message>${answer.message}</Message></Error>`,
    `<RequestId>${id}</RequestId>`,
    '</ErrorResponse>',
  ]);
}

async function check(
  req: IncomingMessage,
  body: string,
  now: number,
  lookUp: (accessKeyId: string) => IssuedCredentials | undefined,
): Promise<Answer> {
  const action = new URLSearchParams(body).get('Action');
  if (action !== 'GetCallerIdentity')
    return { status: 400, code: 'InvalidAction', message: `Could not find operation ${action ?? ''}` };
  const auth = AUTHORIZATION.exec(String(req.headers.authorization ?? ''));
  if (!auth)
    return {
      status: 403,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    };
  const [, accessKeyId = '', , region = '', service = '', signedList = '', signature = ''] = auth;
  const issued = lookUp(accessKeyId);
  if (!issued || req.headers['x-amz-security-token'] !== issued.sessionToken)
    return {
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    };
  if (now >= issued.expiresAt)
    return {
      status: 403,
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    };
  const signed = signedList.split(';');
  const headers: Record<string, string> = {};
  for (const name of signed) headers[name] = String(req.headers[name] ?? '');
  const url = new URL(req.url ?? '/', 'http://x');
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(headers['x-amz-date'] ?? '');
  if (!date)
    return {
      status: 403,
      code: 'IncompleteSignature',
      message: 'x-amz-date is missing from the signed headers.',
    };
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken },
    region,
    service,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const resigned = await signer.sign(
    {
      method: req.method ?? 'POST',
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    },
    {
      signingDate: new Date(Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!)),
      signableHeaders: new Set(signed),
    },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization))?.[1];
  if (expected !== signature)
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  return { status: 200, credentials: issued };
}

function xml(res: ServerResponse, status: number, id: string, lines: string[]): void {
  const text = lines.join('');
  res.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': id });
  res.end(text);
}
