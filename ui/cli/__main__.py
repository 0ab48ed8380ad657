"""``python -m ui.cli``: the ``periodize`` command."""

import sys

from ui.cli.main import main

sys.exit(main())
