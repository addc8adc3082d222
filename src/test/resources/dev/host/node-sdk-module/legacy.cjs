// CommonJS beside it, in the same "type": "module" package: .cjs is required.
const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");

exports.handler = async () => ({ module: typeof module === "object" && typeof exports === "object" ? "cjs" : "?", client: typeof DynamoDBClient });
