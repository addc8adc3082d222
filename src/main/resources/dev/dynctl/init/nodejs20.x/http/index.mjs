// Items CRUD behind API Gateway: an HTTP API (payload 2.0) or a REST API (Lambda proxy, 1.0).
//
//   GET    /items        every item
//   POST   /items        a new item from the JSON body (an id is made when it has none)
//   GET    /items/{id}   one item, or 404
//   PUT    /items/{id}   replace the item with the JSON body
//   DELETE /items/{id}   delete it, answering what it was, or 404
//
// The table's name is in TABLE (dynctl.yaml sets it to the stage's table). The AWS SDK v3 is
// part of the Lambda runtime, so the function's code is this one file.
import { randomUUID } from "node:crypto";
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";

const dynamo = new DynamoDBClient({});
const TABLE = process.env.TABLE;
const HEADERS = { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" };

class BadRequest extends Error {}

export const handler = async (event) => {
  const method = event.requestContext?.http?.method ?? event.httpMethod;
  const id = event.pathParameters?.id;
  try {
    if (id === undefined && method === "GET") {
      return answer(200, await scanAll());
    }
    if (id === undefined && method === "POST") {
      const item = { id: randomUUID(), ...jsonBody(event) };
      await dynamo.send(new PutItemCommand({ TableName: TABLE, Item: toItem(item) }));
      return answer(201, item);
    }
    if (id !== undefined && method === "GET") {
      const { Item } = await dynamo.send(new GetItemCommand({ TableName: TABLE, Key: toItem({ id }) }));
      return Item ? answer(200, unmarshall(Item)) : notFound(id);
    }
    if (id !== undefined && method === "PUT") {
      const item = { ...jsonBody(event), id };
      await dynamo.send(new PutItemCommand({ TableName: TABLE, Item: toItem(item) }));
      return answer(200, item);
    }
    if (id !== undefined && method === "DELETE") {
      const { Attributes } = await dynamo.send(
        new DeleteItemCommand({ TableName: TABLE, Key: toItem({ id }), ReturnValues: "ALL_OLD" }));
      return Attributes ? answer(200, unmarshall(Attributes)) : notFound(id);
    }
    return answer(405, { message: `${method} is not supported on this path.` });
  } catch (error) {
    if (error instanceof BadRequest) {
      return answer(400, { message: error.message });
    }
    throw error;
  }
};

async function scanAll() {
  const items = [];
  let start;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

function jsonBody(event) {
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : event.body ?? "";
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`The body is not JSON: ${error.message}.`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BadRequest("The body must be a JSON object.");
  }
  return value;
}

function toItem(value) {
  return marshall(value, { removeUndefinedValues: true });
}

function notFound(id) {
  return answer(404, { message: `No item with id ${id}.` });
}

function answer(statusCode, body) {
  return { statusCode, headers: HEADERS, body: JSON.stringify(body, plain) };
}

// what JSON.stringify cannot write by itself: sets read from DynamoDB
function plain(key, value) {
  return value instanceof Set ? [...value] : value;
}
