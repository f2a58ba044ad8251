import { request } from 'node:http';

/**
 * Test helper for slow-body attacks: sends request headers announcing a body of
 * `contentLength` bytes, then only its first bytes, and never the rest.
 * @param baseUrl the server's `http://host:port`
 * @returns the answer's status and how long it took, ms
 */
export function slowBody(baseUrl: string, path: string, contentLength: number, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const url = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(contentLength), ...headers } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, ms: Date.now() - started });
        req.destroy();
      },
    );
    req.on('error', reject);
    req.write('{"type":');
    req.flushHeaders();
  });
}
