"""The peer generator, openapi-python-client, in a throwaway venv at benchmarks/.peer-venv.

Installed with the ordinary clients (`python3 -m venv` + pip) on first use. Besides the generator it
gets what its generated clients and their type check need (python-dateutil, types-python-dateutil;
httpx and attrs come with it) and ruff, which its default post hooks (`ruff check --fix-only .`,
`ruff format .`) call, so it behaves as it does for a user who installed it as documented.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from measure import REPO

PEER_VERSION = "0.29.1"
PEER_REQUIREMENTS = (f"openapi-python-client=={PEER_VERSION}", "ruff", "python-dateutil", "types-python-dateutil")
VENV = REPO / "benchmarks" / ".peer-venv"
_STAMP = VENV / f".installed-{PEER_VERSION}"
ENTRY = Path(__file__).resolve().parent / "_peer_entry.py"


class PeerUnavailable(Exception):
    """The peer could not be installed; the reason is the message."""


@dataclass(frozen=True)
class Peer:
    venv: Path

    @property
    def python(self) -> str:
        return str(self.venv / "bin" / "python")

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """An environment as in an activated venv: its bin/ first on PATH (the post hooks find ruff)."""
        env = dict(os.environ if base is None else base)
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.venv)
        env.pop("PYTHONPATH", None)
        return env

    def generate_cmd(self, spec: Path, output: Path, config: Path | None = None, errors_json: bool = False) -> list[str]:
        """The documented CLI; with `errors_json` through a thin wrapper that also saves its warnings."""
        args = ["generate", "--path", str(spec), "--output-path", str(output), "--overwrite"]
        if config is not None:
            args += ["--config", str(config)]
        if errors_json:
            return [self.python, str(ENTRY), *args]
        return [str(self.bin / "openapi-python-client"), *args]


def ensure(quiet: bool = False) -> Peer:
    """The installed peer, installing it first when needed; PeerUnavailable when that fails."""
    if _STAMP.exists() and (VENV / "bin" / "openapi-python-client").exists():
        return Peer(VENV)
    if not quiet:
        print(f"peer: installing openapi-python-client {PEER_VERSION} into {VENV} ...", file=sys.stderr)
    base = shutil.which("python3") or sys.executable
    try:
        if not (VENV / "bin" / "python").exists():
            _checked([base, "-m", "venv", str(VENV)])
        _checked([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", *PEER_REQUIREMENTS])
        _checked([str(VENV / "bin" / "openapi-python-client"), "--version"])
    except (OSError, subprocess.SubprocessError, PeerUnavailable) as exc:
        raise PeerUnavailable(str(exc)) from None
    _STAMP.write_text(PEER_VERSION + "\n")
    return Peer(VENV)


def _checked(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip() and not line.startswith("WARNING: Location")]
        raise PeerUnavailable(f"{' '.join(cmd[:3])} ... failed: {lines[-1] if lines else done.returncode}")


def version(peer: Peer) -> str:
    done = subprocess.run([str(peer.bin / "openapi-python-client"), "--version"], capture_output=True, text=True)
    return done.stdout.strip().rsplit(" ", 1)[-1] or PEER_VERSION


def find_package(project: Path) -> Path | None:
    """The peer writes a project folder; its package is the subfolder with client.py."""
    if not project.is_dir():
        return None
    for child in sorted(project.iterdir()):
        if child.is_dir() and (child / "__init__.py").exists() and (child / "client.py").exists():
            return child
    return None
