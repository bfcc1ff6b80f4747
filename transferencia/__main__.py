"""Permite ``python -m transferencia ORDEN``."""

import sys

from transferencia.cli import main

sys.exit(main())
