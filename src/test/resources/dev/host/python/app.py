"""Python handlers for FunctionHostPythonTest: each answers with what a Lambda function sees."""
import os
from decimal import Decimal

VARIABLES = ["AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "_HANDLER", "AWS_REGION", "AWS_ENDPOINT_URL",
             "AWS_ACCESS_KEY_ID", "LAMBDA_TASK_ROOT", "AWS_EXECUTION_ENV", "GREETING"]


def echo(event, context):
    print(f"python echo got {event}")
    return {
        "event": event,
        "pid": os.getpid(),
        "env": {name: os.environ.get(name) for name in VARIABLES},
        "context": {
            "function_name": context.function_name,
            "function_version": context.function_version,
            "memory_limit_in_mb": context.memory_limit_in_mb,
            "aws_request_id": context.aws_request_id,
            "invoked_function_arn": context.invoked_function_arn,
            "log_group_name": context.log_group_name,
            "remaining": context.get_remaining_time_in_millis(),
        },
        "price": Decimal("2.5"),
    }


class OrderRejected(Exception):
    pass


def fail(event, context):
    raise OrderRejected(f"order {event['order']} rejected")


def chatty(event, context):
    import sys
    print(f"chatty {event['n']} one")
    print(f"chatty {event['n']} two", file=sys.stderr)
    print(f"chatty {event['n']} three")
    return {"n": event["n"], "pid": os.getpid()}
