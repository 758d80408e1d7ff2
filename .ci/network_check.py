"""Read `strace -e trace=network` logs; fail on any network use other than loopback (which `relief serve` uses).

python .ci/network_check.py TRACE_FILE...
"""

from __future__ import annotations

import re
import sys

LOOPBACK = re.compile(r'inet_addr\("127\.0\.0\.1"\)|inet_pton\(AF_INET6, "::1"|"::ffff:127\.0\.0\.1"')


def main(paths: list[str]) -> int:
    bad, checked = [], 0
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                checked += 1
                if "AF_INET" not in line:  # AF_UNIX self-pipes (asyncio, Textual) are local
                    continue
                if line.split(None, 1)[-1].startswith(("socket(", "setsockopt(", "getsockopt(", "getsockname(")):
                    continue  # creating and configuring a socket is not yet using the network
                if LOOPBACK.search(line):
                    continue
                bad.append(line.rstrip())
    if bad:
        print("Network use that is not loopback:")
        print("\n".join(bad[:40]))
        return 1
    print(f"No network use beyond loopback ({checked} traced network calls in {len(paths)} file(s)).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
