// A loopback load client for bench/dev.sh: N GET requests to URL, C at a time, each on a
// keep-alive connection of its own, and the round trip of each measured.
//
//   node bench/dev-load.mjs URL [C] [N]      (default C=8, N=5000)
//
// Prints one JSON line: {"requests", "concurrency", "p50_ms", "p99_ms", "req_per_s"}. Any answer
// but 200 stops it (exit 1) with the status and body: a benchmark of errors measures nothing.
import http from "node:http";

const [url, concurrency = "8", requests = "5000"] = process.argv.slice(2);
if (!url) {
  console.error("usage: node bench/dev-load.mjs URL [CONCURRENCY] [REQUESTS]");
  process.exit(2);
}
const c = Number(concurrency);
const n = Number(requests);
const agent = new http.Agent({ keepAlive: true, maxSockets: c });
const times = [];
let started = 0;

function get() {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => {
        if (response.statusCode === 200) {
          resolve();
        } else {
          reject(new Error(`HTTP ${response.statusCode}: ${Buffer.concat(chunks).toString("utf8").slice(0, 300)}`));
        }
      });
    });
    request.on("error", reject);
  });
}

async function worker() {
  while (started < n) {
    started++;
    const begin = process.hrtime.bigint();
    await get();
    times.push(Number(process.hrtime.bigint() - begin) / 1e6);
  }
}

const begin = process.hrtime.bigint();
try {
  await Promise.all(Array.from({ length: c }, worker));
} catch (error) {
  console.error(`dev-load: ${error.message}`);
  process.exit(1);
}
const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
agent.destroy();
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
console.log(JSON.stringify({
  requests: n,
  concurrency: c,
  p50_ms: Number(at(0.5).toFixed(2)),
  p99_ms: Number(at(0.99).toFixed(2)),
  req_per_s: Math.round(n / seconds),
}));
