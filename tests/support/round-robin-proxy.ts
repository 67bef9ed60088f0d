import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Several app processes behind one loopback address, as a load balancer puts them: each request
 * goes to the next process in turn (whatever connection it came on), streamed both ways.
 */
export async function roundRobinProxy(backends: () => string[]): Promise<{ url: string; close: () => Promise<void> }> {
  let turn = 0;
  const server = http.createServer((request, response) => {
    const targets = backends();
    const target = new URL(targets[turn++ % targets.length]!);
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
