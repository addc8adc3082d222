"""dynctl's Python runtime for the local function host: the loop Lambda's Python runtime runs.

It imports the handler named by _HANDLER ("module.function"; the module may be dotted or a path,
"pkg.sub.app.handler", "pkg/app.handler") from LAMBDA_TASK_ROOT, then asks the Runtime API at
AWS_LAMBDA_RUNTIME_API for one event after another, calls the handler with a Lambda-like context,
and posts the answer or the error back. A handler that cannot be imported is reported to
/init/error.
"""
import decimal
import http.client
import importlib
import json
import os
import signal
import sys
import time
import traceback

RUNTIME = "/2018-06-01/runtime"
BOTO_MODULES = ("boto3", "botocore")
# Written to stdout and stderr after an invocation's output and before its answer: the host logs
# its REPORT line once it has read up to here, so the invocation's own lines come first.
END_MARKER = "\u001e[dynctl-invocation-end] "


class InitError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


class RuntimeApi:
    def __init__(self, address):
        self.connection = http.client.HTTPConnection(address)

    def next(self):
        self.connection.request("GET", RUNTIME + "/invocation/next")
        response = self.connection.getresponse()
        return response.status, response.headers, response.read()

    def post(self, route, body, headers=None):
        all_headers = {"Content-Type": "application/json"}
        all_headers.update(headers or {})
        self.connection.request("POST", RUNTIME + route, body=body, headers=all_headers)
        self.connection.getresponse().read()

    def post_error(self, route, document):
        self.post(route, json.dumps(document).encode("utf-8"), {"Lambda-Runtime-Function-Error-Type": document["errorType"]})


class LambdaContext:
    def __init__(self, headers):
        env = os.environ
        self.function_name = env.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = env.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = env.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = env.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.identity = _json_header(headers, "Lambda-Runtime-Cognito-Identity")
        self.client_context = _json_header(headers, "Lambda-Runtime-Client-Context")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def _json_header(headers, name):
    value = headers.get(name)
    return None if value is None else json.loads(value)


def load_handler(setting):
    module_name, _, function_name = setting.rpartition(".")
    if not module_name or not function_name:
        raise InitError("Runtime.MalformedHandlerName", f"Bad handler '{setting}': it should be module.function, like app.handler.")
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        message = f"Unable to import module '{module_name}': {error}"
        missing = (error.name or "").split(".")[0]
        if missing in BOTO_MODULES:
            message += (f". Lambda's Python runtime includes boto3; locally it must be importable by {sys.executable}:"
                        " pip install boto3 (or apt-get install python3-boto3).")
        raise InitError("Runtime.ImportModuleError", message) from error
    except SyntaxError as error:
        raise InitError("Runtime.UserCodeSyntaxError", f"Syntax error in module '{module_name}': {error}") from error
    except Exception as error:
        raise InitError("Runtime.ImportModuleError", f"Unable to import module '{module_name}': {type(error).__name__}: {error}") from error
    handler = getattr(module, function_name, None)
    if not callable(handler):
        raise InitError("Runtime.HandlerNotFound", f"Handler '{function_name}' missing on module '{module_name}'")
    return handler


def error_document(error, request_id):
    """Lambda's Python runtime's document: the traceback starts at the handler (this runtime's frames left out)."""
    frames = traceback.extract_tb(error.__traceback__)
    while frames and frames[0].filename == __file__:
        frames = frames[1:]
    return make_error(str(error), type(error).__name__, traceback.format_list(frames), request_id)


def make_error(message, error_type, stack_trace, request_id=""):
    return {"errorMessage": message, "errorType": error_type, "requestId": request_id, "stackTrace": stack_trace}


def end_output(request_id):
    for stream in (sys.stdout, sys.stderr):
        stream.write(f"{END_MARKER}{request_id}\n")
        stream.flush()


def decimal_number(value):
    # what Lambda's Python runtime does with the Decimals boto3 reads from DynamoDB
    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def invoke_loop(api, handler):
    while True:
        status, headers, body = api.next()
        if status != 200:
            return  # the host is stopping this instance
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id", "")
        try:
            result = handler(json.loads(body), LambdaContext(headers))
        except Exception as error:
            traceback.print_exc()
            end_output(request_id)
            api.post_error(f"/invocation/{request_id}/error", error_document(error, request_id))
            continue
        try:
            answer = json.dumps(result, default=decimal_number).encode("utf-8")
        except (TypeError, ValueError) as error:
            document = make_error(f"Unable to marshal response: {error}", "Runtime.MarshalError", [], request_id)
            print(document["errorMessage"], file=sys.stderr)
            end_output(request_id)
            api.post_error(f"/invocation/{request_id}/error", document)
            continue
        end_output(request_id)
        api.post(f"/invocation/{request_id}/response", answer)


def main():
    # Ctrl-C at a terminal signals the whole process group: the host, not the signal, stops instances
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    task_root = os.environ["LAMBDA_TASK_ROOT"]
    # the function's code comes first on the module path; this runtime's own folder is not on it
    sys.path[0] = task_root
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    try:
        handler = load_handler(os.environ["_HANDLER"])
    except InitError as error:
        print(f"[ERROR] {error.error_type}: {error}", file=sys.stderr)
        api.post_error("/init/error", make_error(str(error), error.error_type, []))
        sys.exit(1)
    invoke_loop(api, handler)


if __name__ == "__main__":
    main()
