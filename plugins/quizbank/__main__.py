"""Run the `quizbank` command as `python -m quizbank`."""

import sys

from .cli import main

sys.exit(main())
