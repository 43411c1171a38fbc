import sys
from pathlib import Path

# Make tests/helpers.py importable as `helpers` whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))
