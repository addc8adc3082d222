"""Items CRUD behind API Gateway: an HTTP API (payload 2.0) or a REST API (Lambda proxy, 1.0).

  GET    /items        every item
  POST   /items        a new item from the JSON body (an id is made when it has none)
  GET    /items/{id}   one item, or 404
  PUT    /items/{id}   replace the item with the JSON body
  DELETE /items/{id}   delete it, answering what it was, or 404

The table's name is in TABLE (dynctl.yaml sets it to the stage's table). boto3 is part of the
Lambda runtime, so the function's code is this one file.
"""
import base64
import json
import os
import uuid
from decimal import Decimal

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])
HEADERS = {"Content-Type": "application/json", "Access-Control-Allow-Origin": "*"}


class BadRequest(Exception):
    pass


def handler(event, context):
    method = event.get("requestContext", {}).get("http", {}).get("method") or event.get("httpMethod")
    item_id = (event.get("pathParameters") or {}).get("id")
    try:
        if item_id is None and method == "GET":
            return answer(200, scan_all())
        if item_id is None and method == "POST":
            item = json_body(event)
            item.setdefault("id", str(uuid.uuid4()))
            TABLE.put_item(Item=item)
            return answer(201, item)
        if item_id is not None and method == "GET":
            item = TABLE.get_item(Key={"id": item_id}).get("Item")
            return answer(200, item) if item else not_found(item_id)
        if item_id is not None and method == "PUT":
            item = dict(json_body(event), id=item_id)
            TABLE.put_item(Item=item)
            return answer(200, item)
        if item_id is not None and method == "DELETE":
            old = TABLE.delete_item(Key={"id": item_id}, ReturnValues="ALL_OLD").get("Attributes")
            return answer(200, old) if old else not_found(item_id)
        return answer(405, {"message": f"{method} is not supported on this path."})
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
        raise BadRequest(f"The body is not JSON: {e}.")
    if not isinstance(value, dict):
        raise BadRequest("The body must be a JSON object.")
    return value


def not_found(item_id):
    return answer(404, {"message": f"No item with id {item_id}."})


def answer(status, body):
    return {"statusCode": status, "headers": HEADERS, "body": json.dumps(body, default=plain)}


def plain(value):
    """What json cannot write by itself: numbers DynamoDB returns as Decimal, and sets."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"{type(value).__name__} is not JSON")
