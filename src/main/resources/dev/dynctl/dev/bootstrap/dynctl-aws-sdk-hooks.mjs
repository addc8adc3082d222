// Module resolution hooks of dynctl's Node.js runtime (registered by dynctl-runtime.mjs): an
// import of @aws-sdk/* that the function's own node_modules cannot satisfy is resolved from
// NODE_PATH, where the function host installs the AWS SDK that Lambda's runtime includes.
// require() reads NODE_PATH by itself; import does not, hence this hook.
import path from "node:path";
import { pathToFileURL } from "node:url";

let parents = [];

export function initialize({ paths }) {
  // resolving from a file beside a node_modules folder finds the packages in it
  parents = paths.filter((folder) => folder !== "").map((folder) => pathToFileURL(path.join(folder, "..", "dynctl-resolve.mjs")).href);
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!specifier.startsWith("@aws-sdk/") || error?.code !== "ERR_MODULE_NOT_FOUND") {
      throw error;
    }
    for (const parentURL of parents) {
      try {
        return await nextResolve(specifier, { ...context, parentURL });
      } catch {
        // not there either: the function's own error says what is missing
      }
    }
    throw error;
  }
}
