// A forward proxy on 127.0.0.1 for the proxy tests, as a corporate one behaves: plain http in absolute form
// (https://www.rfc-editor.org/rfc/rfc9112#name-absolute-form) and https through CONNECT tunnels
// (https://www.rfc-editor.org/rfc/rfc9110#name-connect), optionally answering 407 without the right Proxy-Authorization.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

interface ForwardedRequest {
  /** `GET http://127.0.0.1:1234/assignment/accounts` or `CONNECT 127.0.0.1:1234`. */
  line: string;
  /** The Proxy-Authorization header it came with, decoded ("user:password"), if any. */
  credentials?: string;
  /** 407 when refused for its credentials, else what was forwarded (200 for a tunnel). */
  status: number;
}

export interface ForwardProxy {
  url: string;
  /** Every request the proxy saw, in order. */
  seen(): ForwardedRequest[];
  close(): Promise<void>;
}

function credentialsOf(header: string | undefined): string | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(header ?? '');
  return basic?.[1] ? Buffer.from(basic[1], 'base64').toString('utf8') : undefined;
}

/**
 * `requireCredentials` ("user:password"): anything else is answered 407, as a proxy that authenticates does;
 * `refuseTunnels`: every CONNECT is answered with this status, as a proxy that does not let the host through.
 */
export async function startForwardProxy(
  options: { requireCredentials?: string; refuseTunnels?: number } = {},
): Promise<ForwardProxy> {
  const seen: ForwardedRequest[] = [];
  const sockets = new Set<net.Socket>();
  /** The request's entry in `seen`, or undefined when it is refused (407). */
  const admit = (line: string, header: string | undefined): ForwardedRequest | undefined => {
    const credentials = credentialsOf(header);
    const ok = options.requireCredentials === undefined || credentials === options.requireCredentials;
    const entry = { line, ...(credentials === undefined ? {} : { credentials }), status: ok ? 0 : 407 };
    seen.push(entry);
    return ok ? entry : undefined;
  };
  const server = http.createServer((req, res) => {
    const line = `${req.method} ${req.url}`;
    const entry = admit(line, req.headers['proxy-authorization']);
    if (!entry) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"', Connection: 'close' }).end();
      return;
    }
    const { 'proxy-authorization': _, 'proxy-connection': __, ...headers } = req.headers;
    const upstream = http.request(req.url ?? '', { method: req.method, headers });
    upstream.on('response', (answer) => {
      entry.status = answer.statusCode ?? 0;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('error', () => client.destroy());
    const entry = admit(`CONNECT ${req.url}`, req.headers['proxy-authorization']);
    if (!entry) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n',
      );
      return;
    }
    if (options.refuseTunnels !== undefined) {
      entry.status = options.refuseTunnels;
      client.end(`HTTP/1.1 ${options.refuseTunnels} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = [(req.url ?? '').replace(/:\d+$/, ''), Number(/:(\d+)$/.exec(req.url ?? '')?.[1])];
    const upstream = net.connect(port, host, () => {
      entry.status = 200;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen: () => seen.map((entry) => ({ ...entry })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An address on 127.0.0.1 where nothing listens: a proxy that is down. */
export async function deadAddress(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `127.0.0.1:${port}`;
}
