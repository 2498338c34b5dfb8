// `node:crypto` as the quick answers' bundles see it (scripts/build-cli-entry.mjs maps the import here): the SHA-1 that
// names the AWS CLI's cache files comes from @noble/hashes (audited, plain JavaScript), since loading node:crypto costs
// about 5 ms of every credential_process start (measured with --cpu-prof); anything else loads the real module on first
// use (process.getBuiltinModule, https://nodejs.org/api/process.html#processgetbuiltinmoduleid).
import { sha1 } from '@noble/hashes/legacy.js';
import type * as Crypto from 'node:crypto';

type NodeCrypto = typeof Crypto;

const real = (): NodeCrypto => process.getBuiltinModule('node:crypto');

/** SHA-1 with node:crypto's update/digest calls, as the cache names use it. */
class Sha1 {
  private readonly parts: Buffer[] = [];
  update(data: string | Uint8Array, encoding?: BufferEncoding): this {
    this.parts.push(typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : Buffer.from(data));
    return this;
  }
  digest(): Buffer;
  digest(encoding: BufferEncoding): string;
  digest(encoding?: BufferEncoding): Buffer | string {
    const digest = Buffer.from(sha1(Buffer.concat(this.parts)));
    return encoding ? digest.toString(encoding) : digest;
  }
}

export const createHash = ((algorithm: string, options?: Crypto.HashOptions) =>
  algorithm.toLowerCase() === 'sha1'
    ? new Sha1()
    : real().createHash(algorithm, options)) as unknown as NodeCrypto['createHash'];
export const randomBytes = ((size: number) => real().randomBytes(size)) as NodeCrypto['randomBytes'];
