// Writes one item with the AWS SDK for JavaScript v3, which this code does not bring: Lambda's
// runtime (and dynctl's function host) provides it. AWS_ENDPOINT_URL points the client at the engine.
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";

const dynamo = new DynamoDBClient({});

export const handler = async (event) => {
  await dynamo.send(new PutItemCommand({ TableName: process.env.TABLE, Item: marshall({ id: event.id, from: "node" }) }));
  return { stored: event.id };
};
