// dynctl's Node.js runtime for the local function host: the loop Lambda's Node.js runtime runs.
// It loads the handler named by _HANDLER ("file.export", the file a CommonJS or ES module under
// LAMBDA_TASK_ROOT), then asks the Runtime API at AWS_LAMBDA_RUNTIME_API for one event after
// another, calls the handler (async, or callback style) with a Lambda-like context, and posts
// the answer or the error back. A handler that cannot be loaded is reported to /init/error.
import http from "node:http";
import { existsSync } from "node:fs";
import { createRequire, register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

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

function errorDocument(error) {
  if (error instanceof Error) {
    return { errorType: error.name || error.constructor?.name || "Error", errorMessage: error.message, stackTrace: (error.stack ?? "").split("\n") };
  }
  // what Lambda reports for a thrown (or callback'd) value that is not an Error: its type and text
  return { errorType: typeof error, errorMessage: typeof error === "string" ? error : JSON.stringify(error) ?? String(error), stackTrace: [] };
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
  const module = await loadModule(file, modulePath);
  const handler = exportPath.split(".").reduce((value, key) => value?.[key], module);
  if (typeof handler !== "function") {
    throw new RuntimeError("Runtime.HandlerNotFound", `${modulePath}.${exportPath} is undefined or not exported`);
  }
  return handler;
}

// CommonJS first, as Lambda does; an ES module (.mjs, or .js in a "type": "module" package) is imported
async function loadModule(file, modulePath) {
  try {
    if (file.endsWith(".mjs")) {
      return await import(pathToFileURL(file).href);
    }
    try {
      return require(file);
    } catch (error) {
      if (error?.code !== "ERR_REQUIRE_ESM") {
        throw error;
      }
      return await import(pathToFileURL(file).href);
    }
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new RuntimeError("Runtime.UserCodeSyntaxError", `${error.name}: ${error.message}`, error);
    }
    if (error?.code === "MODULE_NOT_FOUND" || error?.code === "ERR_MODULE_NOT_FOUND") {
      throw new RuntimeError("Runtime.ImportModuleError", `Error: ${error.message.split("\n")[0]}`, error);
    }
    throw error;
  }
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

// An async handler answers with its promise; a callback-style one through callback (or the old
// context.succeed/fail/done). A handler that does neither answers null, as on Lambda.
function run(handler, event, lambdaContext) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error === undefined || error === null ? resolve(result) : reject(error));
    lambdaContext.done = callback;
    lambdaContext.succeed = (result) => resolve(result);
    lambdaContext.fail = (error) => reject(error ?? new Error("handled"));
    let returned;
    try {
      returned = handler(event, lambdaContext, callback);
    } catch (error) {
      reject(error);
      return;
    }
    if (returned !== null && typeof returned?.then === "function") {
      returned.then(resolve, reject);
    } else if (handler.length < 3) {
      resolve(null);
    }
  });
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
    try {
      const result = await run(handler, JSON.parse(next.body), context(next.headers));
      await call("POST", `/invocation/${requestId}/response`, JSON.stringify(result === undefined ? null : result));
    } catch (error) {
      console.error(error instanceof Error ? error.stack : `Invoke Error ${JSON.stringify(errorDocument(error))}`);
      await postError(`/invocation/${requestId}/error`, error);
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
