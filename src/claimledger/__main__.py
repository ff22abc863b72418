"""``python -m claimledger``: the command line."""

from __future__ import annotations

from claimledger.cli import main

if __name__ == "__main__":
    main()
