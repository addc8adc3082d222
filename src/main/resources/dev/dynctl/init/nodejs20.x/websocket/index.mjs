// Items CRUD over an API Gateway WebSocket API.
//
// Clients send JSON messages whose "action" picks the route (route_selection
// $request.body.action in dynctl.yaml):
//
//   {"action": "list"}                            every item
//   {"action": "get", "id": "42"}                 one item
//   {"action": "put", "item": {"id": "42", ...}}  write an item (an id is made when it has none)
//   {"action": "delete", "id": "42"}              delete it
//
// The answer is the body returned here: dynctl deploy gives every message route a route response
// ($default), through which API Gateway sends it back to the client. $connect and $disconnect are accepted as they come. The table's name is
// in TABLE (dynctl.yaml sets it to the stage's table); the AWS SDK v3 is part of the runtime.
import { randomUUID } from "node:crypto";
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";

const dynamo = new DynamoDBClient({});
const TABLE = process.env.TABLE;

class BadRequest extends Error {}

export const handler = async (event) => {
  const route = event.requestContext?.routeKey;
  if (route === "$connect" || route === "$disconnect") {
    return { statusCode: 200 };
  }
  try {
    const message = jsonBody(event);
    switch (message.action) {
      case "list":
        return answer(200, await scanAll());
      case "get": {
        const id = requiredId(message);
        const { Item } = await dynamo.send(new GetItemCommand({ TableName: TABLE, Key: toItem({ id }) }));
        return Item ? answer(200, unmarshall(Item)) : notFound(id);
      }
      case "put": {
        if (message.item === null || typeof message.item !== "object" || Array.isArray(message.item)) {
          throw new BadRequest('"put" needs an "item" object.');
        }
        const item = { id: randomUUID(), ...message.item };
        await dynamo.send(new PutItemCommand({ TableName: TABLE, Item: toItem(item) }));
        return answer(200, item);
      }
      case "delete": {
        const id = requiredId(message);
        const { Attributes } = await dynamo.send(
          new DeleteItemCommand({ TableName: TABLE, Key: toItem({ id }), ReturnValues: "ALL_OLD" }));
        return Attributes ? answer(200, unmarshall(Attributes)) : notFound(id);
      }
      default:
        throw new BadRequest(`Unknown action ${JSON.stringify(message.action)}: send list, get, put or delete.`);
    }
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
    throw new BadRequest(`The message is not JSON: ${error.message}.`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BadRequest("The message must be a JSON object.");
  }
  return value;
}

function requiredId(message) {
  if (typeof message.id !== "string" || message.id === "") {
    throw new BadRequest(`"${message.action}" needs an "id".`);
  }
  return message.id;
}

function toItem(value) {
  return marshall(value, { removeUndefinedValues: true });
}

function notFound(id) {
  return answer(404, { message: `No item with id ${id}.` });
}

function answer(statusCode, body) {
  return { statusCode, body: JSON.stringify(body, plain) };
}

// what JSON.stringify cannot write by itself: sets read from DynamoDB
function plain(key, value) {
  return value instanceof Set ? [...value] : value;
}
