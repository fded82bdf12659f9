"""``python -m chemclust_extract`` and the ``chemclust-extract`` command.

Ctrl-C is answered here as well as in the commands, so that an interrupt
at any moment (even while the libraries are still loading) ends the run
with one line and exit status 130, never a traceback."""

from __future__ import annotations

import signal
import sys

INTERRUPTED = 130


def run() -> None:
    try:
        import click

        from chemclust_extract.cli import main

        try:
            status = main.main(prog_name="chemclust-extract", standalone_mode=False)
        except click.ClickException as error:
            error.show()
            status = error.exit_code
        except click.Abort:
            raise KeyboardInterrupt from None
    except KeyboardInterrupt:
        sys.stderr.write("chemclust-extract: interrupted\n")
        status = INTERRUPTED
    # The work is done (or given up): a Ctrl-C now must not change the answer.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise SystemExit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    run()
