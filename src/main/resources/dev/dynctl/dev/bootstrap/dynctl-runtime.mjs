// dynctl's Node.js runtime for the local function host: the loop Lambda's Node.js runtime runs.
// It loads the handler named by _HANDLER ("file.export", the file a CommonJS or ES module under
// LAMBDA_TASK_ROOT), then asks the Runtime API at AWS_LAMBDA_RUNTIME_API for one event after
// another, calls the handler (async, or callback style) with a Lambda-like context, and posts
// the answer or the error back. A handler that cannot be loaded is reported to /init/error.
import { spawnSync } from "node:child_process";
import http from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const [apiHost, apiPort] = splitAddress(process.env.AWS_LAMBDA_RUNTIME_API);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const RUNTIME = "/2018-06-01/runtime";

// ES modules do not read NODE_PATH; Lambda's runtime provides @aws-sdk/* to them all the same.
if (typeof register === "function" && process.env.NODE_PATH) {
  register("./dynctl-aws-sdk-hooks.mjs", import.meta.url, { data: { paths: process.env.NODE_PATH.split(path.delimiter) } });
}

let current = null; // { requestId } of the invocation being run

class RuntimeError extends Error {
  constructor(type, message, cause) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = type;
  }
}

function splitAddress(address) {
  const colon = address.lastIndexOf(":");
  return [address.slice(0, colon), Number(address.slice(colon + 1))];
}

function call(method, route, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const allHeaders = body === undefined ? headers
      : { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) };
    const request = http.request({ host: apiHost, port: apiPort, path: RUNTIME + route, method, agent, headers: allHeaders }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

// Lambda's Node.js runtime posts {errorType, errorMessage, trace}; a value that is not an Error
// (a thrown or callback'd string, an object) becomes its type and String(value).
function errorDocument(error) {
  try {
    if (error instanceof Error) {
      return { errorType: error.name, errorMessage: error.message, trace: error.stack?.split("\n") ?? [] };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: "handled", errorMessage: "callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack", trace: [] };
  }
}

function postError(route, error) {
  const document = errorDocument(error);
  return call("POST", route, JSON.stringify(document), { "Lambda-Runtime-Function-Error-Type": document.errorType });
}

// "src/app.handler" is export handler of src/app.js, .mjs or .cjs; "app.a.b" is export a's b
async function loadHandler(taskRoot, setting) {
  const slash = setting.lastIndexOf("/");
  const dot = setting.indexOf(".", slash + 1);
  if (dot < 0) {
    throw new RuntimeError("Runtime.MalformedHandlerName", `Bad handler ${setting}: it should be file.export, like index.handler.`);
  }
  const modulePath = setting.slice(0, dot);
  const exportPath = setting.slice(dot + 1);
  const base = path.resolve(taskRoot, modulePath);
  const file = [".js", ".mjs", ".cjs"].map((extension) => base + extension).find((candidate) => existsSync(candidate));
  if (file === undefined) {
    throw new RuntimeError("Runtime.ImportModuleError", `Error: Cannot find module '${modulePath}': no ${modulePath}.js, .mjs or .cjs in ${taskRoot}`);
  }
  const module = await loadModule(file);
  const handler = exportPath.split(".").reduce((value, key) => value?.[key], module);
  if (typeof handler !== "function") {
    throw new RuntimeError("Runtime.HandlerNotFound", `${modulePath}.${exportPath} is undefined or not exported`);
  }
  return handler;
}

// As Lambda's runtime decides: .mjs, and .js under a package.json with "type": "module", are ES
// modules (import); .cjs, and .js otherwise, are CommonJS (require). Deciding by the file, not by
// trying require() first: since node 20.19 require() loads ES modules too, but not one with
// top-level await, and without the import hook that provides @aws-sdk/*.
async function loadModule(file) {
  try {
    if (file.endsWith(".mjs") || (file.endsWith(".js") && typeModule(path.dirname(file)))) {
      return await import(pathToFileURL(file).href);
    }
    return require(file);
  } catch (error) {
    if (error instanceof SyntaxError) {
      const place = syntaxErrorPlace(error, file);
      throw new RuntimeError("Runtime.UserCodeSyntaxError", `${error.name}: ${error.message}${place ? ` (${place})` : ""}`, error);
    }
    if (error?.code === "MODULE_NOT_FOUND" || error?.code === "ERR_MODULE_NOT_FOUND") {
      throw new RuntimeError("Runtime.ImportModuleError", `Error: ${error.message.split("\n")[0]}`, error);
    }
    throw error;
  }
}

// Where a syntax error is, "file:line" (the file relative to the task root): require()'s error has
// it as its stack's first line; import()'s has none, so node --check says it for the handler's own
// file (a syntax error in a module it imports stays without a place).
function syntaxErrorPlace(error, file) {
  let place = placeLine(String(error.stack ?? "").split("\n")[0]);
  if (place === undefined) {
    const check = spawnSync(process.execPath, ["--check", file], { encoding: "utf8", timeout: 10000 });
    place = placeLine(String(check.stderr ?? "").split("\n")[0]);
  }
  if (place === undefined) {
    return undefined;
  }
  const relative = path.relative(process.env.LAMBDA_TASK_ROOT ?? "", place.file);
  return `${relative.startsWith("..") || path.isAbsolute(relative) ? place.file : relative}:${place.line}`;
}

function placeLine(line) {
  const match = /^(.+):(\d+)$/.exec(line ?? "");
  if (match === null) {
    return undefined;
  }
  const file = match[1].startsWith("file://") ? fileURLToPath(match[1]) : match[1];
  return path.isAbsolute(file) ? { file, line: match[2] } : undefined;
}

// The nearest package.json from the file's folder up says; a node_modules folder or the root ends the search.
function typeModule(folder) {
  if (path.basename(folder) === "node_modules") {
    return false;
  }
  const manifest = path.join(folder, "package.json");
  if (existsSync(manifest)) {
    try {
      return JSON.parse(readFileSync(manifest, "utf8"))?.type === "module";
    } catch (error) {
      console.warn(`${manifest} cannot be read; it is ignored for ES module detection: ${error.message}`);
      return false;
    }
  }
  const parent = path.dirname(folder);
  return parent !== folder && typeModule(parent);
}

function context(headers) {
  const env = process.env;
  const deadline = Number(headers["lambda-runtime-deadline-ms"]);
  const parse = (value) => (value === undefined ? undefined : JSON.parse(value));
  return {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"],
    awsRequestId: headers["lambda-runtime-aws-request-id"],
    identity: parse(headers["lambda-runtime-cognito-identity"]),
    clientContext: parse(headers["lambda-runtime-client-context"]),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

// Lambda's rules: a handler that returns a promise answers with its value; otherwise it answers
// through callback(error, result) (once the event loop is empty, unless
// context.callbackWaitsForEmptyEventLoop is false) or context.done/succeed/fail (at once). Only
// the first answer counts. A handler that is not async and answers neither way answers null when
// the event loop empties; an async one whose promise never settles lets the process end.
let onEmptyEventLoop = null;
process.on("beforeExit", () => {
  const pending = onEmptyEventLoop;
  onEmptyEventLoop = null;
  pending?.();
});

function run(handler, event, lambdaContext) {
  return new Promise((resolve, reject) => {
    let answered = false;
    const answer = (error, result) => {
      if (answered) {
        return;
      }
      answered = true;
      onEmptyEventLoop = null;
      if (error === undefined || error === null) {
        resolve(result);
      } else {
        reject(error);
      }
    };
    const callback = (error, result) => {
      if (error === undefined || error === null) {
        if (lambdaContext.callbackWaitsForEmptyEventLoop) {
          onEmptyEventLoop = () => setImmediate(() => answer(null, result));
          return;
        }
      }
      answer(error, result);
    };
    lambdaContext.done = answer;
    lambdaContext.succeed = (result) => answer(null, result);
    lambdaContext.fail = (error) => answer(error ?? "handled");
    const isAsync = handler.constructor?.name === "AsyncFunction";
    onEmptyEventLoop = isAsync ? null : () => answer(null, null);
    let returned;
    try {
      returned = handler(event, lambdaContext, callback);
    } catch (error) {
      answer(error ?? "handled");
      return;
    }
    if (returned && typeof returned.then === "function") {
      returned.then((result) => answer(null, result), (error) => answer(error ?? "handled"));
    }
  });
}

// Written to stdout and stderr after an invocation's output and before its answer: the host logs
// its REPORT line once it has read up to here, so the invocation's own lines come first.
const END_MARKER = "\u001e[dynctl-invocation-end] ";

function endOutput(requestId) {
  process.stdout.write(`${END_MARKER}${requestId}\n`);
  process.stderr.write(`${END_MARKER}${requestId}\n`);
}

async function invokeLoop(handler) {
  for (;;) {
    const next = await call("GET", "/invocation/next");
    if (next.status !== 200) {
      process.exit(0); // the host is stopping this instance
    }
    const requestId = next.headers["lambda-runtime-aws-request-id"];
    process.env._X_AMZN_TRACE_ID = next.headers["lambda-runtime-trace-id"] ?? "";
    current = { requestId };
    let body;
    let failure;
    try {
      const result = await run(handler, JSON.parse(next.body), context(next.headers));
      body = JSON.stringify(result === undefined ? null : result);
    } catch (error) {
      failure = error;
      console.error(error instanceof Error ? error.stack : `Invoke Error ${JSON.stringify(errorDocument(error))}`);
    }
    endOutput(requestId);
    if (failure === undefined) {
      await call("POST", `/invocation/${requestId}/response`, body);
    } else {
      await postError(`/invocation/${requestId}/error`, failure);
    }
    current = null;
  }
}

// An error no handler caught ends the instance, as on Lambda: its invocation fails with it first.
async function fatal(error) {
  console.error(error instanceof Error ? error.stack : error);
  if (current !== null) {
    await postError(`/invocation/${current.requestId}/error`, error).catch(() => {});
  }
  process.exit(129);
}

// Ctrl-C at a terminal signals the whole process group: the host, not the signal, stops instances.
process.on("SIGINT", () => {});
process.on("uncaughtException", fatal);
process.on("unhandledRejection", (reason) => fatal(new RuntimeError("Runtime.UnhandledPromiseRejection",
  reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason), reason)));

let handler;
try {
  handler = await loadHandler(process.env.LAMBDA_TASK_ROOT, process.env._HANDLER);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  await postError("/init/error", error);
  process.exit(1);
}
await invokeLoop(handler);
