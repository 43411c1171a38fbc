"""``python -m orglint.config > orglint/data/config.schema.json``: regenerate the config's JSON Schema."""

import sys

from orglint.config.schema import config_schema_json
from orglint.plugins import load_rules

sys.stdout.write(config_schema_json(load_rules(entry_points=False)))
