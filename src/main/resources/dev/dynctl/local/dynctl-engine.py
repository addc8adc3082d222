"""dynctl's local DynamoDB engine: moto server on a loopback port, with its DynamoDB state kept
in a data folder between runs.

dynctl writes this file into its state folder and starts it as
    python3 dynctl-engine.py --port 8000 --data DIR [--in-memory]
Its output goes to engine.log. It is not meant to be run by hand.

Persistence: moto keeps everything in memory, so the engine pickles moto's DynamoDB backends
(every account and region) to DIR/dynamodb.pickle. It loads that snapshot on start, saves it
shortly after requests that change state (at most every SAVE_INTERVAL seconds, written to a
temporary file and renamed so a crash never leaves half a snapshot) and once more on SIGTERM or
SIGINT. With --in-memory there is no snapshot at all. Only DynamoDB is kept: Lambda functions
and IAM roles live as long as the engine.

Lambda runs without Docker: functions are created, configured, versioned and deleted as on AWS,
and an invoke answers with its payload (the code does not run). IAM knows AWS's managed policies,
so a function's execution role can have AWSLambdaBasicExecutionRole attached.
"""

import argparse
import json
import os
import pickle
import signal
import socket
import sys
import threading
import time

# Exit codes dynctl turns into a sentence for the user.
EXIT_MOTO_MISSING = 3
EXIT_PORT_IN_USE = 4

SNAPSHOT = "dynamodb.pickle"
SNAPSHOT_FORMAT = 1
SAVE_INTERVAL = 0.5
IDENTITY_PATH = "/_dynctl/engine"

# DynamoDB actions that only read. Anything else (including PartiQL, which may write) marks the
# state as changed, so an unknown new action errs on the side of saving.
READ_ONLY_PREFIXES = ("Get", "BatchGet", "TransactGet", "Query", "Scan", "Describe", "List")


def log(message):
    print(time.strftime("%Y-%m-%d %H:%M:%S"), "dynctl-engine:", message, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="dynctl-engine", description="dynctl's local DynamoDB engine (moto server).")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--data", required=True, help="folder for the snapshot")
    parser.add_argument("--in-memory", action="store_true", help="keep nothing between runs")
    return parser.parse_args(argv)


def configure_moto():
    """What POST /moto-api/config {"lambda": {"use_docker": false}} sets, plus AWS's managed IAM
    policies (moto's MOTO_IAM_LOAD_MANAGED_POLICIES), before any backend is made."""
    from moto.core.config import default_user_config
    default_user_config["lambda"] = {"use_docker": False}
    default_user_config["iam"] = {"load_aws_managed_policies": True}


def import_moto():
    try:
        import moto
        from moto.dynamodb.models import dynamodb_backends
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
        from werkzeug.serving import WSGIRequestHandler, make_server
    except ImportError as e:
        log(f"moto server is not installed for {sys.executable} ({e}). "
            "Install it with: python3 -m pip install 'moto[server]'")
        sys.exit(EXIT_MOTO_MISSING)
    return moto, dynamodb_backends, DomainDispatcherApplication, create_backend_app, WSGIRequestHandler, make_server


class Snapshot:
    """The DynamoDB state on disk: {account: {region: DynamoDBBackend}} in one pickle."""

    def __init__(self, folder, backends, moto_version):
        self.path = os.path.join(folder, SNAPSHOT)
        self.backends = backends
        self.moto_version = moto_version
        # held while a request changes state and while the state is pickled, so a snapshot
        # never sees half a write
        self.state_lock = threading.RLock()
        self.file_lock = threading.Lock()  # one save at a time
        self.dirty = threading.Event()

    def load(self):
        if not os.path.exists(self.path):
            return 0
        try:
            with open(self.path, "rb") as f:
                document = pickle.load(f)
        except Exception as e:
            log(f"cannot read the snapshot {self.path}: {e!r}. "
                "Move the file away to start with empty data (nothing was changed).")
            sys.exit(1)
        if document.get("moto") != self.moto_version:
            log(f"the snapshot was written by moto {document.get('moto')}, this is moto {self.moto_version}")
        tables = 0
        for account_id, regions in document["backends"].items():
            account = self.backends[account_id]
            for region, backend in regions.items():
                account[region] = backend
                tables += len(backend.tables)
        return tables

    def save(self):
        """Writes the current state; saves never overlap, so an older state never replaces a newer one."""
        with self.file_lock:
            with self.state_lock:
                self.dirty.clear()
                try:
                    state = {account: dict(regions) for account, regions in self.backends.items()}
                    data = pickle.dumps({"format": SNAPSHOT_FORMAT, "moto": self.moto_version, "backends": state})
                except Exception as e:
                    log(f"cannot snapshot the DynamoDB state: {e!r}")
                    return False
            temporary = self.path + ".tmp"
            with open(temporary, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, self.path)
            return True

    def save_when_dirty(self):
        while True:
            self.dirty.wait()
            time.sleep(SAVE_INTERVAL)  # gathers a burst of writes into one save
            try:
                self.save()
            except OSError as e:
                log(f"cannot write the snapshot {self.path}: {e}")


def dynamodb_action(environ):
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    service, _, action = target.partition(".")
    return action if service.startswith("DynamoDB_") else None


class EngineApp:
    """moto's WSGI app, plus an identity page for dynctl and the bookkeeping for the snapshot."""

    def __init__(self, moto_app, snapshot, identity):
        self.moto_app = moto_app
        self.snapshot = snapshot
        self.identity = json.dumps(identity).encode()
        # moto checks a write's condition and then writes, unlocked: one write at a time makes
        # conditional writes atomic, as DynamoDB's are (optimistic locking depends on it)
        self.write_lock = snapshot.state_lock if snapshot is not None else threading.RLock()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == IDENTITY_PATH:
            start_response("200 OK", [("Content-Type", "application/json"),
                                      ("Content-Length", str(len(self.identity)))])
            return [self.identity]
        action = dynamodb_action(environ)
        if action is None or action.startswith(READ_ONLY_PREFIXES):
            return self.moto_app(environ, start_response)
        with self.write_lock:
            # the body is read inside the lock so that the write is complete before another (or a save) begins
            result = self.moto_app(environ, start_response)
            try:
                body = list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
            if self.snapshot is not None:
                self.snapshot.dirty.set()
        return body


def listen(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        log(f"cannot listen on {host}:{port}: {e.strerror}")
        sys.exit(EXIT_PORT_IN_USE)
    sock.listen(128)
    return sock


def stop_on_signal(signum, frame):
    raise SystemExit(0)


def main(argv):
    args = parse_args(argv)
    if hasattr(os, "setsid"):
        try:
            os.setsid()  # its own session: a Ctrl-C in dynctl's terminal does not reach the engine
        except OSError:
            pass  # already a session leader
    os.environ.setdefault("MOTO_PORT", str(args.port))
    moto, backends, DomainDispatcherApplication, create_backend_app, WSGIRequestHandler, make_server = import_moto()
    configure_moto()

    class QuietRequestHandler(WSGIRequestHandler):
        def log_request(self, code="-", size="-"):
            if str(code).startswith("5"):
                super().log_request(code, size)

    sock = listen(args.host, args.port)  # before loading, so a busy port fails fast
    snapshot = None
    if not args.in_memory:
        os.makedirs(args.data, exist_ok=True)
        snapshot = Snapshot(args.data, backends, moto.__version__)
        tables = snapshot.load()
        log(f"loaded {tables} table(s) from {snapshot.path}" if tables else f"no tables yet in {args.data}")
    # lets dynctl recognise its own engine on a port, even one whose pid file was lost
    identity = {"engine": "dynctl", "pid": os.getpid(), "port": args.port, "moto": moto.__version__,
                "home": os.path.dirname(os.path.abspath(__file__)),
                "data": None if args.in_memory else os.path.abspath(args.data), "inMemory": args.in_memory}
    app = EngineApp(DomainDispatcherApplication(create_backend_app), snapshot, identity)
    server = make_server(args.host, args.port, app, threaded=True, request_handler=QuietRequestHandler,
                         fd=sock.fileno())
    server.daemon_threads = True
    if snapshot is not None:
        threading.Thread(target=snapshot.save_when_dirty, name="snapshot", daemon=True).start()
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)
    log(f"moto {moto.__version__} listening on http://{args.host}:{args.port} (pid {os.getpid()}, "
        + ("in memory)" if args.in_memory else f"data in {os.path.abspath(args.data)})"))
    try:
        server.serve_forever()
    finally:
        if snapshot is not None and snapshot.save():
            log(f"saved {snapshot.path}")
        log("stopped")


if __name__ == "__main__":
    main(sys.argv[1:])
