"""A small scripted HTTP server on loopback for the campaigns: what the sandbox never does
(redirect elsewhere, trickle a body, send gigabytes). Python standard library only.

    server = HostileServer(lambda handler: ...)   # the script writes the whole reply
    server.url, server.requests (method, path, headers), server.bytes_sent, server.close()

Helpers build the usual scripts: redirect(to), trickle(interval, length), flood(total).
"""

import http.server
import threading
import time


class HostileServer:
    def __init__(self, script):
        owner = self
        self.requests = []
        self.bytes_sent = 0
        self.lock = threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def handle_one_request(self):
                try:
                    super().handle_one_request()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                with owner.lock:
                    owner.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
                self.close_connection = True
                script(self)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def sent(self, count):
                with owner.lock:
                    owner.bytes_sent += count

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def saw_key(self):
        """Whether any request carried an API key header."""
        return any("x-enterprise-api-key" in h or "x-api-key" in h for _, _, h in self.requests)


def answer(status, body=b"", headers=None):
    def script(handler):
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(body)
    return script


def redirect(to, status=302):
    """Every request is sent to `to` + its own path, with a query a leak would show."""
    def script(handler):
        answer(status if handler.command == "GET" else 307, headers={"Location": f"{to}{handler.path}?sig=secret"})(handler)
    return script


def trickle(interval, length=1000):
    """Headers at once, then one byte every `interval` seconds."""
    def script(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(length))
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.flush()
        for _ in range(length):
            time.sleep(interval)
            handler.wfile.write(b" ")
            handler.wfile.flush()
            handler.sent(1)
    return script


def flood(total):
    """A body of `total` bytes with no Content-Length (ended by close), 1 MiB per write."""
    block = b" " * (1 << 20)

    def script(handler):
        handler.protocol_version = "HTTP/1.0"
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Connection", "close")
        handler.end_headers()
        sent = 0
        while sent < total:
            handler.wfile.write(block)
            sent += len(block)
            handler.sent(len(block))
    return script
