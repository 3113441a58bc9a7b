// Serves the built Next.js app from this process. Owning the HTTP server lets steward decide which
// client address to believe: the socket's, unless STEWARD_TRUST_PROXY says a proxy sets X-Forwarded-For.
import { createServer, type IncomingMessage } from "node:http";
import next from "next";

const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

export function normaliseForwardedHeaders(request: IncomingMessage, trustProxy: boolean): void {
  const remote = request.socket.remoteAddress ?? "unknown";
  if (trustProxy) {
    const chain = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = chain ? `${chain}, ${remote}` : remote;
    return;
  }
  for (const header of PROXY_HEADERS) delete request.headers[header];
  request.headers["x-forwarded-for"] = remote;
}

export async function startWebServer(options: { port: number; hostname: string; trustProxy: boolean; dev?: boolean }) {
  const app = next({ dev: options.dev ?? false, dir: process.cwd(), hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    normaliseForwardedHeaders(request, options.trustProxy);
    void handle(request, response);
  });
  // Idle keep-alive connections stay open 65 s, longer than the proxies in front of steward keep theirs
  // (nginx, load balancers: 60 s). With Node's default of 5 s, a client or proxy reusing a connection
  // just as the server closes it gets a reset (seen in CI: ECONNRESET on an API call after 5 s idle).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // next dev's hot reload talks over a WebSocket on the same server.
  if (options.dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
