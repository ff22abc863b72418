"""Fixtures for the shared store suite: one factory per backend (SQLite, and PostgreSQL when installed)."""

from __future__ import annotations

import glob
import importlib.util
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from claimledger.storage import PostgresStore, SQLiteStore, Store

StoreFactory = Callable[[], Store]


def load_builders() -> ModuleType:
    """builders.py next to this file, loaded by path (tests run with --import-mode=importlib)."""
    name = "claimledger_test_builders"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "builders.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


load_builders()  # so test modules can `from claimledger_test_builders import ...`


@pytest.fixture(scope="session")
def builders() -> ModuleType:
    """Hand-built documents and claims (tests/storage/builders.py)."""
    return load_builders()


def _sqlite_file(tmp_path: Path) -> StoreFactory:
    def make() -> Store:
        return SQLiteStore(tmp_path / "ledger.db")

    return make


def postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl (newest /usr/lib/postgresql/*/bin), or None."""
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")]
    found = [p for p in found if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if found:
        return found[-1]
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """A throwaway PostgreSQL cluster: initdb in a temporary folder, a server on a free loopback port.

    Runs the server as the ``postgres`` user when the tests run as root (initdb refuses
    root). ``create_database()`` gives each test its own empty database.

    Raises:
        RuntimeError: initdb or pg_ctl failed (the message holds their output).
    """

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._run_as: dict[str, Any] = {}
        if os.geteuid() == 0:
            import pwd

            pw = pwd.getpwnam("postgres")  # KeyError when the package made no such user
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self._run_as = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
        self._names = itertools.count(1)
        self.running = False

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            cwd=self.root,
            timeout=120,
            check=False,
            **self._run_as,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stdout}\n{done.stderr}")

    def start(self) -> None:
        """initdb (trust auth, UTF-8) and pg_ctl start; fsync is off (throwaway data)."""
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        self.running = True

    def url(self, dbname: str = "postgres") -> str:
        """A URL for one database of the cluster (TCP on loopback, user postgres, no password)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"ledger_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")  # name is ours: ledger_<n>
        return self.url(name)

    def stop(self) -> None:
        """pg_ctl stop (fast) and remove the folder."""
        try:
            if self.running:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
                self.running = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> PgCluster:
    """Start a throwaway cluster, or skip the calling test with the reason there is none."""
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) not installed; "
            "`apt-get install postgresql` to run the PostgreSQL tests"
        )
    try:
        cluster = PgCluster(bindir)
    except KeyError:
        pytest.skip("running as root but there is no `postgres` user to run the PostgreSQL server as")
    try:
        cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        cluster.stop()
        pytest.skip(f"cannot start a throwaway PostgreSQL cluster: {e}")
    return cluster


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    """The URL of a new empty database in the session cluster."""
    return pg_cluster.create_database()


def _postgres(request: pytest.FixtureRequest) -> Callable[[Path], StoreFactory]:
    url = request.getfixturevalue("pg_url")

    def builder(tmp_path: Path) -> StoreFactory:
        return lambda: PostgresStore(url)

    return builder


def _sqlite(request: pytest.FixtureRequest) -> Callable[[Path], StoreFactory]:
    return _sqlite_file


#: backend name -> (request -> factory builder); PostgreSQL skips when no server can start.
BACKENDS: dict[str, Callable[[pytest.FixtureRequest], Callable[[Path], StoreFactory]]] = {
    "sqlite": _sqlite,
    "postgres": _postgres,
}


@pytest.fixture(params=sorted(BACKENDS))
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Opens (and reopens) the same empty ledger of one backend; closes what it opened."""
    opened: list[Store] = []
    build = BACKENDS[request.param](request)(tmp_path)

    def make() -> Store:
        store = build()
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(store_factory: StoreFactory) -> Store:
    """An empty store."""
    return store_factory()


@pytest.fixture
def filled(store: Store, builders: ModuleType) -> Store:
    """A store holding documents A (2023, three claims) and B (2022, two claims)."""
    store.add_document(builders.document_a())
    store.add_document(builders.document_b())
    return store
