"""``python -m pagemend``: the command line."""

import sys

from pagemend.launch import main

sys.exit(main())
