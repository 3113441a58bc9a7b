// A local npm registry + PyPI JSON API for tests, the demo and the refresh benchmark. Packages map to
// { version: ISO publish time }; the newest is "latest" unless given. Names listed in `hang` never
// answer, in `garbage` answer 200 with HTML, in `broken` answer 500.
import http from "node:http";

export type FakePackage = { versions: Record<string, string>; latest?: string };
export type FakeRegistryData = {
  npm: Record<string, FakePackage>;
  pypi: Record<string, FakePackage>;
  hang?: string[];
  garbage?: string[];
  shapeless?: string[];
  broken?: string[];
};
export type FakeRegistry = {
  npmUrl: string;
  pypiUrl: string;
  port: number;
  requests: () => number;
  close: () => Promise<void>;
};

function latestOf(p: FakePackage): string {
  return (
    p.latest ??
    Object.entries(p.versions)
      .sort(([, a], [, b]) => Date.parse(a) - Date.parse(b))
      .at(-1)?.[0] ??
    "0.0.0"
  );
}

export async function startFakeRegistry(data: FakeRegistryData, port = 0, host = "127.0.0.1"): Promise<FakeRegistry> {
  let count = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    count++;
    const url = new URL(req.url ?? "/", "http://x");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const [kind, ...rest] = parts;
    const name = kind === "pypi" ? (rest[0] ?? "") : rest.join("/");
    if (data.hang?.includes(name)) return; // the client's timeout has to end this
    if (data.garbage?.includes(name))
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end("<html><body>Service Unavailable</body></html>");
    if (data.shapeless?.includes(name))
      return void res.writeHead(200, { "content-type": "application/json" }).end('{"hello":"world"}');
    if (data.broken?.includes(name)) return void res.writeHead(500).end("oops");
    const json = (body: unknown) =>
      void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (kind === "npm") {
      const p = data.npm[name];
      if (!p) return void res.writeHead(404).end('{"error":"Not found"}');
      return json({
        name,
        "dist-tags": { latest: latestOf(p) },
        time: { created: Object.values(p.versions)[0], ...p.versions },
        versions: Object.fromEntries(Object.keys(p.versions).map((v) => [v, { name, version: v }])),
      });
    }
    if (kind === "pypi" && rest[1] === "json") {
      const p = data.pypi[name];
      if (!p) return void res.writeHead(404).end('{"message":"Not Found"}');
      return json({
        info: { name, version: latestOf(p) },
        releases: Object.fromEntries(
          Object.entries(p.versions).map(([v, at]) => [v, [{ upload_time_iso_8601: at, yanked: false }]]),
        ),
      });
    }
    res.writeHead(404).end();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const addr = server.address();
  if (!addr || typeof addr === "string") throw new Error("no port");
  const base = `http://${host}:${addr.port}`;
  return {
    npmUrl: `${base}/npm`,
    pypiUrl: `${base}/pypi`,
    port: addr.port,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
