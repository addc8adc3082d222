// The same SDK through require(): CommonJS finds it on NODE_PATH.
const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");

const dynamo = new DynamoDBClient({});

exports.handler = async (event) => {
  const { Item } = await dynamo.send(new GetItemCommand({ TableName: process.env.TABLE, Key: { id: { S: event.id } } }));
  return { found: Item?.from?.S ?? null };
};
