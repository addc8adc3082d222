"""A handler in a package: _HANDLER pkg.sub.handlers.handle."""
import os


def handle(event, context):
    return {"module": __name__, "pid": os.getpid()}
