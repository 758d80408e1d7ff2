"""The CI network-trace checker flags real network use and lets loopback and local pipes through."""

from __future__ import annotations

import runpy

from tests.conftest import ROOT

check = runpy.run_path(str(ROOT / ".ci" / "network_check.py"))["main"]

LOCAL = """\
100 socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [4, 5]) = 0
100 sendto(5, "\\0", 1, 0, NULL, 0)    = 1
100 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 6
100 bind(6, {sa_family=AF_INET, sin_port=htons(8765), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
100 accept4(6, {sa_family=AF_INET, sin_port=htons(41242), sin_addr=inet_addr("127.0.0.1")}, [16], SOCK_CLOEXEC) = 7
"""
REMOTE = """\
200 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 3
200 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 0
"""


def test_loopback_and_local_pipes_pass(tmp_path):
    (tmp_path / "t").write_text(LOCAL)
    assert check([str(tmp_path / "t")]) == 0


def test_a_connection_elsewhere_fails(tmp_path, capsys):
    (tmp_path / "t").write_text(LOCAL + REMOTE)
    assert check([str(tmp_path / "t")]) == 1
    assert "8.8.8.8" in capsys.readouterr().out
