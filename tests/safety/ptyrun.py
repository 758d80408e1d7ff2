"""Run a command in a pseudo-terminal, as a person's terminal would, and read what it draws."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


class Terminal:
    def __init__(
        self,
        args: list[str],
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (80, 24),
        controlling: bool = False,
    ) -> None:
        """`controlling`: the terminal is the process's controlling terminal, as a shell makes it, so
        Ctrl+C in line mode sends SIGINT (the full-screen app reads it as a key either way)."""
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        full_env.pop("RELIEF_DEBUG", None)
        self.proc = subprocess.Popen(
            args,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=ROOT,
            close_fds=True,
            start_new_session=True,  # setsid() runs before preexec_fn
            preexec_fn=(lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0)) if controlling else None,
        )
        os.close(slave)
        self.output = b""

    def read(self, timeout: float = 0.1) -> bytes:
        chunk = b""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], max(0.0, end - time.monotonic()))
            if not ready:
                break
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            chunk += data
        self.output += chunk
        return chunk

    def wait_for(self, text: bytes, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > end or (self.proc.poll() is not None and not self.read(0.2)):
                raise AssertionError(f"{text!r} never appeared; got {self.output[-2000:]!r}")
            self.read(0.1)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def wait_exit(self, timeout: float = 20.0) -> int:
        end = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < end:
            self.read(0.05)
        self.read(0.2)
        if self.proc.poll() is None:
            self.proc.kill()
            raise AssertionError("the process did not end")
        return self.proc.returncode

    def after_app(self) -> bytes:
        """What stays on the person's screen: everything written after the app left the alternate screen."""
        return self.output.rsplit(LEAVE_ALT_SCREEN, 1)[-1]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        os.close(self.master)


def relief(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", *args]
