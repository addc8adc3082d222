// An ES module handler for FunctionHostNodeTest.
import { platform } from "node:os";

export const handler = async (event, context) => ({
  esm: true,
  event,
  platform: platform(),
  pid: process.pid,
  functionName: context.functionName,
  handler: process.env._HANDLER,
  greeting: process.env.GREETING ?? null,
});
