// A root made for one test run and a server certificate for 127.0.0.1 it signed: what a TLS-inspecting network
// presents. Made with selfsigned (https://github.com/jfromaniello/selfsigned); no key is ever committed.
import { generate } from 'selfsigned';

export interface TestCertificates {
  /** The root's certificate (PEM): what AWS_CA_BUNDLE would hold. */
  rootPem: string;
  /** The server's key and certificate for 127.0.0.1 (PEM), issued by the root. */
  server: { key: string; cert: string };
}

export async function makeTestCertificates(name = 'SSO Tray test root'): Promise<TestCertificates> {
  const root = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: root.private, cert: root.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { rootPem: root.cert, server: { key: server.private, cert: server.cert } };
}
