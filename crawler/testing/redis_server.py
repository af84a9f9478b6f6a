"""A redis-server of a test's (or a benchmark's) own: a free 127.0.0.1 port, its append-only file
in a directory of its own, stopped by its PID."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PortTaken", "RedisServer", "free_port", "start_redis"]

REDIS_START_TIMEOUT = 10.0


class PortTaken(Exception):
    """The port probed free was taken before redis-server bound it."""


@dataclass
class RedisServer:
    """A redis-server on a free 127.0.0.1 port with its append-only file in a temporary directory."""

    binary: str
    directory: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start it (again, with the data of its append-only file) and wait until it answers PING."""
        self.process = subprocess.Popen(
            [self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.directory)]
            + ["--appendonly", "yes", "--save", "", "--logfile", str(self.directory / "redis.log")],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + REDIS_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.directory / "redis.log").read_text(errors="replace")
                if "Address already in use" in log:  # another test run's server took the port meanwhile
                    raise PortTaken(self.port)
                raise AssertionError(log[-2000:])
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1) as probe:
                probe.sendall(b"INFO server\r\n")
                if f"process_id:{self.process.pid}\r".encode() in probe.recv(8192):  # ours, not another run's
                    return
            time.sleep(0.05)
        self.stop()
        raise AssertionError(f"redis-server did not answer PING within {REDIS_START_TIMEOUT} s")

    def stop(self) -> None:
        """Stop it by its PID (SIGTERM: it writes its append-only file out first)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on at ``host`` now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def start_redis(binary: str, directory: Path, attempts: int = 5) -> RedisServer:
    """A started redis-server on a free port; another port when the probed one was taken before the
    server bound it (two test runs on one machine)."""
    for _ in range(attempts - 1):
        server = RedisServer(binary, directory, free_port())
        with contextlib.suppress(PortTaken):
            server.start()
            return server
    server = RedisServer(binary, directory, free_port())
    server.start()
    return server
