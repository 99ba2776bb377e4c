"""`python -m asah.cli`: the same as the `asah` command."""

import sys

from . import main

sys.exit(main())
