#!/usr/bin/env python3
"""Serve a built site on 127.0.0.1 the way web hosts do: gzip for text, cache headers.

    python scripts/serve_gzip.py site 8000

Used by scripts/page_weight.py (Python's http.server sends text uncompressed, which no real host
does and which would count against the page).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=31536000")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not gzip_ok or not path.endswith(TEXT):
            return super().send_head()
        try:
            with open(path, "rb") as source:
                body = gzip.compress(source.read(), compresslevel=6)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def main() -> None:
    folder, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=folder)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
