"""``report.html``: the run's quality as a page a person reads in any
browser, one self-contained file (no script, no font, no image, nothing
fetched): the counts, the failures with their codes and messages, field
coverage as bars, warnings by code, the labels most often left to
``extra``, and coverage per source folder.  Everything but the folders
comes from ``report.json``; the folders are counted here as records pass,
in memory bounded by the number of folders.  No date or time is written:
the same inputs give the same page."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from chemclust_extract.model import Failure
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.sink import Rows, open_text, sync_close

__all__ = ["REPORT_HTML", "FolderTally", "ReportPageSink", "render_report"]

REPORT_HTML = "report.html"
SHOWN_FAILURES = 500  # rows; errors.csv has them all
SHOWN_LABELS = 20
SHOWN_FOLDERS = 300
# Not coverage: every record has an id and a source; warnings are counted apart.
_NOT_COVERAGE = frozenset({"id", "source", "warnings"})

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
  color:#1d2433;background:#f6f7fb;margin:0;padding:24px 32px;max-width:1100px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
.muted{color:#5c667a}.ok{color:#17803d}.bad{color:#b42318}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border:1px solid #dde2ec;border-radius:8px;padding:10px 18px;min-width:110px}
.card dt{font-size:13px;color:#5c667a}.card dd{margin:0;font-size:28px;font-weight:600}
table{border-collapse:collapse;background:#fff;border:1px solid #dde2ec;width:100%}
th,td{text-align:left;padding:5px 10px;border-bottom:1px solid #eef0f5;vertical-align:top}
th{background:#eef1f7;font-size:13px}.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{background:#e4e8f1;border-radius:4px;height:14px;width:260px;position:relative}
.bar span{display:block;height:100%;border-radius:4px;background:#3b6fd8}
.bar.warn span{background:#d9822b}.bar.fail span{background:#c8372d}
code{font-size:13px}
"""


@dataclass
class FolderTally:
    """Records per source folder and how many of their fields are filled."""

    records: int = 0
    filled: int = 0
    fields: int = 0
    failures: int = 0


@dataclass
class _Folders:
    by_folder: dict[str, FolderTally] = field(default_factory=dict)

    def add(self, data: dict[str, Any]) -> None:
        source = data.get("source") or {}
        tally = self.by_folder.setdefault(_folder(source.get("path", "")), FolderTally())
        counted = [k for k in data if k not in _NOT_COVERAGE]
        tally.records += 1
        tally.fields += len(counted)
        tally.filled += sum(1 for k in counted if data[k] not in (None, [], {}, ""))

    def add_failure(self, failure: Failure) -> None:
        self.by_folder.setdefault(_folder(failure.path), FolderTally()).failures += 1


def _folder(path: str) -> str:
    """The folder of a path as the run shows it: ``samples/a.tsv`` -> ``samples``."""
    return posixpath.dirname(path.replace("\\", "/")) or "."


class ReportPageSink:
    """Counts folders as records pass; writes ``report.html`` at the end."""

    def __init__(self, folder: Path, options: OutputOptions) -> None:
        self._path = folder / REPORT_HTML
        self._folders = _Folders()

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        self._folders.add(data)

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        for failure in failures:
            self._folders.add_failure(failure)
        handle = open_text(self._path)
        handle.write(render_report(report, self._folders.by_folder))
        sync_close(handle)
        return [self._path]

    def close(self) -> None:
        pass


def render_report(report: dict[str, Any], folders: dict[str, FolderTally]) -> str:
    """The page of one run from its ``report.json`` data and its folders."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may be fetched: no network, no script, no font.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        "<title>chemclust-extract report</title>",
        f"<style>{_STYLE}</style></head><body>",
        *_summary(report),
        *_failures(report),
        *_coverage(report),
        *_warnings(report),
        *_unknown_labels(report),
        *_folders_table(folders),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(report: dict[str, Any]) -> list[str]:
    complete = report.get("complete", True)
    state = (
        '<p class="ok" id="state">Every input gave a record or a failure entry.</p>'
        if complete
        else '<p class="bad" id="state">Incomplete: some inputs gave neither a record nor a failure.</p>'
    )
    cards = [("inputs", "inputs"), ("records", "records"), ("failures", "failed"),
             ("warnings", "warnings")]  # fmt: skip
    items = "".join(
        f'<div class="card"><dt>{label}</dt><dd id="count-{key}">{report.get(key, 0)}</dd></div>'
        for key, label in cards
    )
    skipped = len(report.get("skipped", []))
    items += f'<div class="card"><dt>skipped</dt><dd id="count-skipped">{skipped}</dd></div>'
    version = escape(str(report.get("version", "")))
    return [
        "<h1>Extraction report</h1>",
        f'<p class="muted">chemclust-extract {version}; the same data as report.json, '
        "errors.csv and warnings.csv.</p>",
        f'<dl class="cards">{items}</dl>',
        state,
    ]


def _bar(share: float, kind: str = "") -> str:
    width = max(0.0, min(1.0, share)) * 100
    return f'<div class="bar {kind}"><span style="width:{width:.1f}%"></span></div>'


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _failures(report: dict[str, Any]) -> list[str]:
    failed = report.get("failed", [])
    if not failed:
        return ['<h2>Failures</h2><p class="ok" id="failures">None: every input gave a record.</p>']
    codes = report.get("failure_codes", {})
    rows = [
        f"<tr><td><code>{escape(code)}</code></td><td class=n>{n}</td>"
        f"<td>{_bar(_share(n, len(failed)), 'fail')}</td></tr>"
        for code, n in codes.items()
    ]
    lines = [
        f"<tr><td>{escape(f['path'])}</td><td><code>{escape(f['code'])}</code></td>"
        f"<td>{escape(f['message'])}</td></tr>"
        for f in failed[:SHOWN_FAILURES]
    ]
    more = len(failed) - SHOWN_FAILURES
    if more > 0:
        lines.append(f'<tr><td colspan="3" class="muted">and {more} more: see errors.csv</td></tr>')
    return [
        f'<h2>Failures <span class="bad">({len(failed)})</span></h2>',
        '<table id="failure-codes"><tr><th>code</th><th class=n>inputs</th><th></th></tr>',
        *rows,
        "</table><p></p>",
        '<table id="failures"><tr><th>input</th><th>code</th><th>message</th></tr>',
        *lines,
        "</table>",
    ]


def _coverage(report: dict[str, Any]) -> list[str]:
    records = report.get("records", 0)
    rows = [
        f"<tr><td><code>{escape(name)}</code></td><td>{_bar(cover['share'])}</td>"
        f"<td class=n>{cover['records']} / {records}</td>"
        f"<td class=n>{round(cover['share'] * 100)}%</td></tr>"
        for name, cover in report.get("coverage", {}).items()
    ]
    return [
        "<h2>Field coverage</h2>",
        '<p class="muted">Records with a value in each field.</p>',
        '<table id="coverage"><tr><th>field</th><th></th><th class=n>records</th><th class=n>share</th></tr>',
        *rows,
        "</table>",
    ]


def _warnings(report: dict[str, Any]) -> list[str]:
    codes = report.get("warning_codes", {})
    if not codes:
        return ['<h2>Warnings</h2><p class="ok" id="warnings">None.</p>']
    top = max(codes.values())
    rows = [
        f"<tr><td><code>{escape(code)}</code></td><td>{_bar(_share(n, top), 'warn')}</td>"
        f"<td class=n>{n}</td></tr>"
        for code, n in sorted(codes.items(), key=lambda item: (-item[1], item[0]))
    ]
    return [
        "<h2>Warnings by code</h2>",
        '<table id="warnings"><tr><th>code</th><th></th><th class=n>warnings</th></tr>',
        *rows,
        "</table>",
    ]


def _unknown_labels(report: dict[str, Any]) -> list[str]:
    unknown = report.get("unknown_labels", [])
    if not unknown:
        return ['<h2>Labels left to extra</h2><p class="ok" id="unknown-labels">None.</p>']
    top = unknown[0]["sheets"]
    rows = [
        f"<tr><td>{escape(u['label'])}</td><td>{_bar(_share(u['sheets'], top))}</td>"
        f"<td class=n>{u['sheets']}</td></tr>"
        for u in unknown[:SHOWN_LABELS]
    ]
    more = len(unknown) - SHOWN_LABELS
    note = f" The {SHOWN_LABELS} most frequent of {len(unknown)}." if more > 0 else ""
    return [
        "<h2>Labels left to extra</h2>",
        '<p class="muted">Labels no field knows: their values are in extra.csv. Map them to '
        f"fields with <code>--labels FILE</code>.{note}</p>",
        '<table id="unknown-labels"><tr><th>label</th><th></th><th class=n>sheets</th></tr>',
        *rows,
        "</table>",
    ]


def _folders_table(folders: dict[str, FolderTally]) -> list[str]:
    if not folders:
        return []
    rows = [
        f"<tr><td>{escape(name)}</td><td class=n>{t.records}</td><td class=n>{t.failures}</td>"
        f"<td>{_bar(_share(t.filled, t.fields))}</td>"
        f"<td class=n>{round(_share(t.filled, t.fields) * 100)}%</td></tr>"
        for name, t in sorted(folders.items())[:SHOWN_FOLDERS]
    ]
    more = len(folders) - SHOWN_FOLDERS
    if more > 0:
        rows.append(f'<tr><td colspan="5" class="muted">and {more} more folders</td></tr>')
    return [
        "<h2>Coverage by source folder</h2>",
        '<p class="muted">Records per folder of the inputs, and the share of their fields '
        "that hold a value.</p>",
        '<table id="folders"><tr><th>folder</th><th class=n>records</th><th class=n>failed</th>'
        "<th>fields filled</th><th></th></tr>",
        *rows,
        "</table>",
    ]
