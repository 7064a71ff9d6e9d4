"""``python -m tests.replica [--port 8000]``: serve the replica for a human with a browser."""

from __future__ import annotations

import argparse
import threading

from .content import default_site
from .server import ReplicaServer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.replica", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    server = ReplicaServer(default_site(), host=args.host, port=args.port).start()
    site = server.site
    print(f"Replica of www.scfr.ir serving at {server.base_url}/en/", flush=True)
    print(f"  {len(site.articles())} posts ({len(site.listed())} listed); "
          f"sitemap {server.base_url}/wp-sitemap.xml; Ctrl-C to stop", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
