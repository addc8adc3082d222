// The floor for bench/dev.sh: a bare node http server doing the work a request under dev does
// in the handler, and nothing else — the request becomes a payload 2.0 event, the handler module
// (the same file) answers it in this process, and its answer is written back.
//
//   node bench/dev-floor.mjs HANDLER_FILE PORT
import http from "node:http";
import { pathToFileURL } from "node:url";

const [file, port] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(file).href);

http.createServer(async (request, response) => {
  const url = new URL(request.url, "http://localhost");
  const event = {
    version: "2.0",
    routeKey: `${request.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: request.headers,
    requestContext: { http: { method: request.method, path: url.pathname } },
    isBase64Encoded: false,
  };
  const answer = await handler(event);
  response.writeHead(answer.statusCode, answer.headers);
  response.end(answer.body);
}).listen(Number(port), "127.0.0.1", () => console.log(`listening on ${port}`));
