"""``python -m pagemend``: the command line."""

import sys

from pagemend.cli import main

sys.exit(main())
