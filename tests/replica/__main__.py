"""``python -m tests.replica [--port 8000] [--generate N [--seed S]] [--bilingual] [--restyle SHARE]
[--container-class C] [--site default|live] [--challenge-after N] [--delay SECONDS] [--faults NAMES|all] [--random-faults SHARE] [--robots VARIANT]``:
serve the replica.

Without --generate it serves the default site (the hand-written posts and traps);
with --generate N a generated site of N articles (tests.replica.generate).
--restyle SHARE switches that share of the posts to the restyled template (with
--generate: mixed_site, whose newest posts also quote each other);
--container-class renames the article text container on every article page.
--bilingual adds the Persian edition (/fa/): bilingual_site(), or with --generate N
also N generated Persian posts.
--faults (comma-separated names of faults.FAULT_PATHS, or "all"), --random-faults SHARE and
--robots 404|5xx|disallow-all turn on the hostile mode of faults.py.
"""

from __future__ import annotations

import argparse
import threading
import time

from .content import Site, default_site, restyled_site
from .content_fa import bilingual_site
from .faults import Faults
from .generate import generated_site, mixed_site
from .live import live_site
from .server import ReplicaServer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.replica", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--generate", type=int, metavar="N", help="serve a generated site of N articles")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated site (default 0)")
    parser.add_argument("--delay", type=float, default=0.0, help="delay every response by SECONDS")
    parser.add_argument("--restyle", type=float, metavar="SHARE", help="share (0-1) of posts on the restyled template")
    parser.add_argument("--container-class", metavar="CLASS", help="rename the article text container to CLASS")
    parser.add_argument("--bilingual", action="store_true", help="add the Persian edition (/fa/)")
    parser.add_argument("--site", choices=("default", "live"), default="default",
                        help="live: live_site(), three editions with the live site's shapes")
    parser.add_argument("--challenge-after", type=int, metavar="N",
                        help="answer a bot wall to every request after the first N")
    parser.add_argument("--faults", metavar="NAMES", help='fault URLs to link and serve: comma-separated or "all"')
    parser.add_argument("--random-faults", type=float, default=0.0, metavar="SHARE",
                        help="share (0-1) of requests that fail at random (a retry succeeds)")
    parser.add_argument("--robots", choices=("404", "5xx", "disallow-all"), help="robots.txt variant")
    args = parser.parse_args(argv)
    if args.generate is not None and args.generate < 0:
        parser.error("--generate needs N >= 0")
    if args.restyle is not None and not 0 <= args.restyle <= 1:
        parser.error("--restyle needs 0 <= SHARE <= 1")
    try:
        faults = build_faults(args)
    except ValueError as error:
        parser.error(str(error))
    started = time.perf_counter()
    site = build_site(args)
    built = time.perf_counter() - started
    server = ReplicaServer(site, host=args.host, port=args.port, delay=args.delay, faults=faults).start()
    kind = "live site (en, fa, ar)" if args.site == "live" else "default site" if args.generate is None else f"generated site (seed {args.seed}, built in {built:.2f}s)"
    if args.bilingual:
        kind += ", with the Persian edition"
    print(f"Replica of www.scfr.ir ({kind}) serving at {server.base_url}/en/", flush=True)
    print(f"  {len(site.articles())} posts ({len(site.listed())} listed); "
          f"sitemap {server.base_url}/wp-sitemap.xml; Ctrl-C to stop", flush=True)
    if faults is not None:
        print(f"  faults: {', '.join(sorted(faults.enabled)) or 'no URLs'}; random share {faults.random_share}; "
              f"off-site origin {server.offsite_base_url}", flush=True)
    if args.bilingual:
        print(f"  Persian: {server.base_url}/fa/ ({len(site.articles('fa'))} posts), "
              f"sitemap {server.base_url}/fa/wp-sitemap.xml", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


def build_faults(args: argparse.Namespace) -> Faults | None:
    """The Faults the command line asks for (None: the normal replica)."""
    if args.faults is None and not args.random_faults and args.robots is None and args.challenge_after is None:
        return None
    names = "all" if args.faults == "all" else [n.strip() for n in (args.faults or "").split(",") if n.strip()]
    robots = {f"robots_{(args.robots or '').replace('-', '_')}": True} if args.robots else {}
    return Faults(urls=names, random_share=args.random_faults, seed=args.seed,
                  challenge_after=args.challenge_after, **robots)


def build_site(args: argparse.Namespace) -> Site:
    """The Site the command line asks for."""
    if getattr(args, "site", "default") == "live":
        return live_site()
    if args.generate is not None and args.restyle is not None and not args.bilingual:
        return mixed_site(args.generate, args.restyle, args.seed, container_class=args.container_class)
    if args.generate is None:
        site = bilingual_site() if args.bilingual else default_site()
    else:
        site = generated_site(args.generate, seed=args.seed, langs=("en", "fa") if args.bilingual else ("en",))
    if args.restyle is not None:
        site = restyled_site(site, args.restyle, args.seed)
    if args.container_class is not None:
        site = Site(site.articles(), page_weight=site.page_weight, container_class=args.container_class)
    return site


if __name__ == "__main__":
    main()
