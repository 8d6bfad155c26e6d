/**
 * The simulated member states as a real HTTP server (the contact-point API on its own port), for a BFF in
 * another process: the compiled production build, the several-instance test, the load benchmark. The same msw
 * handlers answer as in the in-process setups (`setupServer`); this only carries requests to them.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** Requests bodies larger than this are refused (the API's requests are small JSON documents). */
const MAX_BODY_BYTES = 256 * 1024;

export interface HttpMockServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Serves `handlers` on host:port. `handlersFor(origin)` builds them for the server's own origin once it is
 * known (port 0 picks a free one), since the handlers match absolute URLs.
 */
export async function startHttpMockServer(options: {
  port: number;
  host?: string;
  handlersFor: (origin: string) => RequestHandler[];
}): Promise<HttpMockServer> {
  const host = options.host ?? '127.0.0.1';
  let handlers: RequestHandler[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const controller = new AbortController();
    // The client went away before the answer: the handler's work is abandoned (not after a complete answer,
    // where an abort would only cost an exception per request).
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      try {
        const body = await readBody(req);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(name, value);
          else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        const request = new Request(new URL(req.url ?? '/', origin), {
          method: req.method,
          headers,
          body: body && body.length > 0 ? new Uint8Array(body) : undefined,
          signal: controller.signal,
        });
        const response = await getResponse(handlers, request);
        if (!response) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"errorCode":"not_found"}');
          return;
        }
        const outgoing: Record<string, string> = {};
        response.headers.forEach((value, name) => (outgoing[name] = value));
        res.writeHead(response.status, outgoing);
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        if (res.headersSent) res.destroy();
        else
          res
            .writeHead(error instanceof RangeError ? 413 : 500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errorCode: 'simulator_error' }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  handlers = options.handlersFor(origin);
  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
