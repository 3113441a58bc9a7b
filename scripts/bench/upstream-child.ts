// Benchmark helper process: the one local HTTP server every benchmark target checks. Records when
// each request for /t/<n> arrived (epoch ms), and reports them with its own CPU use on request.
import http from "node:http";
import type { AddressInfo } from "node:net";

const arrivals: Array<[number, number]> = [];
const server = http.createServer((request, response) => {
  const at = performance.timeOrigin + performance.now();
  const match = /^\/t\/(\d+)/.exec(request.url ?? "");
  if (match) arrivals.push([Number(match[1]), at]);
  response.writeHead(200, { "content-type": "application/json" });
  response.end('{"status":"ok"}');
});
// The benchmark process went away (crashed or was interrupted): do not outlive it.
process.on("disconnect", () => process.exit(0));
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on("message", (message) => {
  if (message === "report") process.send?.({ arrivals, cpu: process.cpuUsage() });
  if (message === "stop") server.close(() => process.exit(0));
});
