"""Parsing opens no network connection, reads no external entity, and
does not expand entity bombs."""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator

import pytest

from chemclust_extract import Record, extract_bytes

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "http://127.0.0.1:9/strict.dtd" [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/evil.txt">
]>
<html><head><link rel="stylesheet" href="http://127.0.0.1:9/s.css">
<script src="http://127.0.0.1:9/x.js"></script></head>
<body><p><b>Projekt:</b> XXE &xxe;&remote;</p>
<p><b>Program:</b> Interreg <img src="http://127.0.0.1:9/i.png"></p></body></html>"""


def _bomb(levels: int) -> bytes:
    entities = ['<!ENTITY a0 "aaaaaaaaaa">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, levels + 1)
    ]
    return (
        "<?xml version='1.0'?><!DOCTYPE html [" + "".join(entities) + "]>"
        f"<html><body><p><b>Projekt:</b> Bomb</p><p><b>Program:</b> &a{levels};</p></body></html>"
    ).encode()


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP server on loopback that records every connection it gets; the
    parser is C code (libxml2), so only a real server can see it connect."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                received.append(connection.recv(1024) or b"(connected)")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], received
    stop.set()
    thread.join()
    server.close()


def test_external_entities_and_resources_are_never_fetched(
    listener: tuple[int, list[bytes]],
) -> None:
    port, received = listener
    record = extract_bytes(XXE.replace(b"127.0.0.1:9", f"127.0.0.1:{port}".encode()), "page.html")
    assert isinstance(record, Record)
    assert record.name is not None and record.name.startswith("XXE")
    assert "root:" not in record.name
    assert record.programme == "Interreg"
    time.sleep(0.3)  # give a connection, had one been opened, time to arrive
    assert received == []


def test_the_listener_does_see_a_connection(listener: tuple[int, list[bytes]]) -> None:
    """The check above can fail: a real client is seen."""
    port, received = listener
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(b"GET / HTTP/1.0\r\n\r\n")
    time.sleep(0.5)
    assert received and received[0].startswith(b"GET")


@pytest.mark.parametrize("suffix", [".html", ".xhtml", ".txt"])
def test_an_entity_bomb_is_not_expanded(suffix: str) -> None:
    tracemalloc.start()
    try:
        record = extract_bytes(_bomb(9), "bomb" + suffix)  # 10**10 characters if expanded
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(record, Record)
    assert record.name == "Bomb"
    assert record.programme is not None and len(record.programme) < 100
    assert peak < 64 * 1024 * 1024
