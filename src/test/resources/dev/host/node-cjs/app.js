// CommonJS handlers for FunctionHostNodeTest: each answers with what a Lambda function sees.
const fs = require("node:fs");
const path = require("node:path");

const VARIABLES = ["AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "_HANDLER",
  "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "LAMBDA_TASK_ROOT", "AWS_EXECUTION_ENV", "TZ", "GREETING"];

exports.echo = async (event, context) => {
  console.log(`echo got ${JSON.stringify(event)}`);
  return {
    event,
    pid: process.pid,
    env: Object.fromEntries(VARIABLES.map((name) => [name, process.env[name] ?? null])),
    context: {
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      memoryLimitInMB: context.memoryLimitInMB,
      awsRequestId: context.awsRequestId,
      invokedFunctionArn: context.invokedFunctionArn,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      remaining: context.getRemainingTimeInMillis(),
    },
  };
};

exports.callback = (event, context, callback) => {
  setImmediate(() => callback(null, { style: "callback", pid: process.pid, event }));
};

exports.nested = { handler: async () => ({ nested: true }) };

exports.fail = async (event) => {
  throw new TypeError(`bad input: ${event.reason}`);
};

exports.failByCallback = (event, context, callback) => {
  callback(new RangeError("out of range"));
};

exports.hang = async (event) => {
  if (event.hang) {
    await new Promise((resolve) => setTimeout(resolve, 600_000));
  }
  return { pid: process.pid };
};

exports.exit = async (event) => {
  if (event.exit) {
    process.exit(3);
  }
  return { pid: process.pid };
};

// an exception no handler catches: it fails the invocation and ends the instance
exports.uncaught = async (event) => {
  if (event.boom) {
    setTimeout(() => {
      throw new Error("async boom");
    }, 0);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  return { pid: process.pid };
};

// marks that it started, then waits until the test creates the file "go" in the event's folder
exports.wait = async (event) => {
  fs.writeFileSync(path.join(event.dir, `started-${process.pid}-${Date.now()}-${Math.random()}`), "");
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(path.join(event.dir, "go")) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { pid: process.pid };
};

exports.version = async () => ({ version: 1, pid: process.pid });

// prints three lines (two on stdout, one on stderr), then answers
exports.chatty = async (event) => {
  console.log(`chatty ${event.n} one`);
  console.error(`chatty ${event.n} two`);
  console.log(`chatty ${event.n} three`);
  return { n: event.n, pid: process.pid };
};

// Lambda's rules for handlers that do not return a promise
exports.defaultCallback = (event, context, callback = () => {}) => {
  setImmediate(() => callback(null, { style: "default callback" }));
};

exports.succeed = (event, context) => {
  setTimeout(() => context.succeed({ via: "context.succeed" }), 5);
};

exports.sync = () => {
  console.log("sync handler ran");
  return "a value a handler that is not async does not answer with";
};

// callback answers once the event loop is empty: the timer runs first
exports.waitsForTheLoop = (event, context, callback) => {
  setTimeout(() => console.log("timer ran before the answer"), 20);
  callback(null, "answered after the timer");
};

exports.throwString = async () => {
  throw "plain text";
};

exports.throwObject = (event, context, callback) => {
  callback({ code: 42 });
};
