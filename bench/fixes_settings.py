"""Our settings plus bench/proposed_fixes.py, for measuring the fixes only.

Needs bench/ on PYTHONPATH (bench/run.sh puts it there).
"""

from kesan.settings import *

INSTALLED_APPS = [*INSTALLED_APPS, "proposed_fixes.ProposedFixesConfig"]
