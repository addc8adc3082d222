// An ES module in a .js file (package.json "type": "module") with top-level await, importing the
// AWS SDK this code does not bring: Lambda imports it, and provides the SDK to it.
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";

const dynamo = new DynamoDBClient({});
const { TableNames } = await dynamo.send(new ListTablesCommand({}));

export const handler = async () => ({ module: "esm", sawTable: TableNames.includes(process.env.TABLE) });
