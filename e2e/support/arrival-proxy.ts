// A pass-through in front of the emulator that says when a call has arrived: the moment to press Ctrl-C during a
// slow call (the emulator's own call log records a call only once it is answered).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ArrivalProxy {
  url: string;
  /** Resolves when the next request whose path starts with `prefix` arrives. */
  arrival(prefix: string): Promise<void>;
  close(): Promise<void>;
}

export async function startArrivalProxy(target: string): Promise<ArrivalProxy> {
  const waiting: Array<{ prefix: string; resolve: () => void }> = [];
  const server = http.createServer((req, res) => {
    for (const w of waiting.filter((x) => (req.url ?? '').startsWith(x.prefix))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
    const upstream = http.request(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: req.headers,
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrival: (prefix) => new Promise<void>((resolve) => waiting.push({ prefix, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
