// Talks to a credential endpoint as a client would, with every header under the test's control (Host included).
import http from 'node:http';

export interface EndpointAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, string>;
}

export function askEndpoint(url: string, headers: Record<string, string>): Promise<EndpointAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        path: target.pathname,
        method: 'GET',
        headers,
        agent: false,
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: JSON.parse(text) as Record<string, string>,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** The two variables `sso-tray serve` prints, or the app's Copy variables copies (format env: `export NAME=value`). */
export function servedVariables(stdout: string): { url: string; token: string } {
  const value = (name: string) => new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(stdout)?.[1] ?? '';
  return {
    url: value('AWS_CONTAINER_CREDENTIALS_FULL_URI'),
    token: value('AWS_CONTAINER_AUTHORIZATION_TOKEN'),
  };
}
