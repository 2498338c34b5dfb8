// /__admin/...: the test controls over HTTP, for users that run the emulator as a separate process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ApiName, RunningEmulator } from './model.js';
import { adminSchemas, describeIssue, faultSchema } from './schemas.js';
import { readBody } from './wire.js';

export type AdminControls = Pick<
  RunningEmulator,
  | 'calls'
  | 'clearCalls'
  | 'injectFault'
  | 'clearFaults'
  | 'setRateLimit'
  | 'setLatency'
  | 'advanceClock'
  | 'revokeSessions'
  | 'approveDevice'
  | 'denyDevice'
>;

class AdminError extends Error {}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
  res.end(text);
}

async function parse<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const text = await readBody(req);
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new AdminError('the body is not valid JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new AdminError(describeIssue(result.error));
  return result.data;
}

export function createAdminHandler(controls: AdminControls) {
  const routes: Record<string, (req: IncomingMessage, url: URL) => Promise<unknown>> = {
    'GET calls': async (_req, url) => {
      const api = url.searchParams.get('api');
      const status = url.searchParams.get('status');
      return {
        calls: controls.calls({
          ...(api ? { api: api as ApiName } : {}),
          ...(status ? { status: Number(status) } : {}),
        }),
      };
    },
    'DELETE calls': async () => controls.clearCalls(),
    'POST faults': async (req) => controls.injectFault(await parse(req, faultSchema)),
    'DELETE faults': async () => controls.clearFaults(),
    'POST rate-limits': async (req) => {
      const { api, perSecond, burst } = await parse(req, adminSchemas.rateLimit);
      const limit =
        perSecond === undefined
          ? undefined
          : { perSecond, burst: burst ?? Math.max(1, Math.ceil(perSecond)) };
      controls.setRateLimit(api as ApiName, limit);
    },
    'POST latency': async (req) => {
      const { api, ms } = await parse(req, adminSchemas.latency);
      controls.setLatency(api as ApiName, ms);
    },
    'POST clock': async (req) => controls.advanceClock((await parse(req, adminSchemas.clock)).advanceMs),
    'POST revoke': async (req) => controls.revokeSessions((await parse(req, adminSchemas.revoke)).startUrl),
    'POST approve-device': async (req) =>
      controls.approveDevice((await parse(req, adminSchemas.userCode)).userCode),
    'POST deny-device': async (req) =>
      controls.denyDevice((await parse(req, adminSchemas.userCode)).userCode),
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const route = routes[`${req.method} ${url.pathname.slice('/__admin/'.length)}`];
    if (!route) return reply(res, 404, { error: `no admin route ${req.method} ${url.pathname}` });
    try {
      const result = await route(req, url);
      reply(res, result === undefined ? 204 : 200, result);
    } catch (error) {
      if (error instanceof Error) return reply(res, 400, { error: error.message });
      throw error;
    }
  };
}
