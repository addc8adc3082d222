"""Items CRUD over an API Gateway WebSocket API.

Clients send JSON messages whose "action" picks the route (route_selection
$request.body.action in dynctl.yaml):

  {"action": "list"}                          every item
  {"action": "get", "id": "42"}               one item
  {"action": "put", "item": {"id": "42", ...}} write an item (an id is made when it has none)
  {"action": "delete", "id": "42"}            delete it

The answer is the body returned here: dynctl deploy gives every message route a route response
($default), through which API Gateway sends it back to the client. $connect and $disconnect are accepted as they come. The table's name is
in TABLE (dynctl.yaml sets it to the stage's table); boto3 is part of the Lambda runtime.
"""
import base64
import json
import os
import uuid
from decimal import Decimal

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])


class BadRequest(Exception):
    pass


def handler(event, context):
    route = event.get("requestContext", {}).get("routeKey")
    if route in ("$connect", "$disconnect"):
        return {"statusCode": 200}
    try:
        message = json_body(event)
        action = message.get("action")
        if action == "list":
            return answer(200, scan_all())
        if action == "get":
            item = TABLE.get_item(Key={"id": required_id(message)}).get("Item")
            return answer(200, item) if item else not_found(message["id"])
        if action == "put":
            item = message.get("item")
            if not isinstance(item, dict):
                raise BadRequest('"put" needs an "item" object.')
            item.setdefault("id", str(uuid.uuid4()))
            TABLE.put_item(Item=item)
            return answer(200, item)
        if action == "delete":
            old = TABLE.delete_item(Key={"id": required_id(message)}, ReturnValues="ALL_OLD").get("Attributes")
            return answer(200, old) if old else not_found(message["id"])
        raise BadRequest(f"Unknown action {action!r}: send list, get, put or delete.")
    except BadRequest as e:
        return answer(400, {"message": str(e)})


def scan_all():
    items, page = [], {}
    while True:
        result = TABLE.scan(**page)
        items.extend(result.get("Items", []))
        if "LastEvaluatedKey" not in result:
            return items
        page = {"ExclusiveStartKey": result["LastEvaluatedKey"]}


def json_body(event):
    text = event.get("body") or ""
    if event.get("isBase64Encoded"):
        text = base64.b64decode(text).decode("utf-8")
    try:
        # DynamoDB takes numbers as Decimal, never float
        value = json.loads(text, parse_float=Decimal)
    except ValueError as e:
        raise BadRequest(f"The message is not JSON: {e}.")
    if not isinstance(value, dict):
        raise BadRequest("The message must be a JSON object.")
    return value


def required_id(message):
    item_id = message.get("id")
    if not isinstance(item_id, str) or not item_id:
        raise BadRequest(f'"{message.get("action")}" needs an "id".')
    return item_id


def not_found(item_id):
    return answer(404, {"message": f"No item with id {item_id}."})


def answer(status, body):
    return {"statusCode": status, "body": json.dumps(body, default=plain)}


def plain(value):
    """What json cannot write by itself: numbers DynamoDB returns as Decimal, and sets."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"{type(value).__name__} is not JSON")
