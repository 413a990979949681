"""deploy/ says what the code does: the units start the roles and commands that exist, and the
nginx site keys its sticky sessions on the cookie the dashboard sets and takes the uploads the
Data page takes. (tests/ui/test_deploy.py serves the pages through the nginx site itself.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
UNITS = DEPLOY / "systemd"


def exec_start(unit: Path) -> list[str]:
    """The ExecStart command of a unit, continuation lines joined, as argv."""
    text = unit.read_text().replace("\\\n", " ")
    (line,) = [x for x in text.splitlines() if x.startswith("ExecStart=")]
    return shlex.split(line.removeprefix("ExecStart="))


@pytest.mark.parametrize(
    "unit, role",
    [("asn-dashboard.service", "owner"), ("asn-dashboard-reader@.service", "reader")],
)
def test_the_dashboard_units_start_their_role(unit: str, role: str) -> None:
    from ui.serve import role as served_role

    argv = exec_start(UNITS / unit)
    assert argv[1:3] == ["-m", "ui.serve"]
    found, rest = served_role(argv[3:])
    assert found == role
    port = rest[rest.index("--server.port") + 1]
    assert port == ("%i" if role == "reader" else "8501")
    assert rest[rest.index("--server.address") + 1] == "127.0.0.1", "only nginx faces out"


def test_the_backup_unit_runs_the_backup_command() -> None:
    from analytics.cli.main import build_parser

    argv = exec_start(UNITS / "asn-dashboard-backup.service")
    assert argv[:2] == ["/bin/sh", "-c"]
    inner = shlex.split(argv[2].removeprefix("exec "))
    assert inner[1:4] == ["-m", "analytics", "backup"]
    args = build_parser().parse_args(inner[3:])
    assert args.command == "backup" and "%%Y-%%m-%%d" in str(args.out)  # systemd's escaping
    timer = (UNITS / "asn-dashboard-backup.timer").read_text()
    assert re.search(r"^OnCalendar=\*-\*-\* 02:00:00$", timer, flags=re.M)


def test_every_unit_shares_the_temp_directory_and_the_store() -> None:
    """The owner's socket is in /tmp: a private /tmp would hide it from readers and backups."""
    stores = set()
    for unit in UNITS.glob("*.service"):
        text = unit.read_text()
        assert "PrivateTmp=false" in text, unit.name
        stores |= set(re.findall(r"^Environment=ASN_DB=(\S+)$", text, flags=re.M))
    assert len(stores) == 1, stores


def test_the_nginx_site_matches_the_dashboard() -> None:
    from analytics.access.sessions import COOKIE
    from analytics.importer import upload_limit_mb

    site = (DEPLOY / "nginx" / "asn-dashboard.conf").read_text()
    (key,) = re.findall(r"^\s*hash (\S+) consistent;$", site, flags=re.M)
    assert key == f"$remote_addr$cookie_{COOKIE}"
    (body,) = re.findall(r"client_max_body_size (\d+)m;", site)
    assert int(body) >= upload_limit_mb()
    stream = site[site.index("location ~ /_stcore/stream$") :]
    stream = stream[: stream.index("}")]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $connection_upgrade;" in stream
    assert re.search(r"proxy_read_timeout (\d+)d;", stream), "an open tab keeps its websocket"
