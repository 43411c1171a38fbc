"""What `orglint init` writes: a starter org chart and config that pass `orglint check`."""

from __future__ import annotations

STARTER_CHART = """\
# yaml-language-server: $schema=orglint.schema.json
# Your org chart as code, orglint format v1. `orglint schema -o orglint.schema.json` writes the
# JSON Schema that the modeline above points editors at, for validation and completion.
orglint: 1
org:
  name: Example Inc.
  strategy: product-led
products:
  - id: app
    name: Example App
    owner: priya
    metrics: [weekly active teams, net revenue retention]
units:
  - id: exec
    name: Executive team
    type: department
    function: executive
    lead: ceo
  - id: product
    name: Product
    type: department
    function: product
    lead: priya
    parent: exec
  - id: engineering
    name: Engineering
    type: department
    function: engineering
    lead: tomas
    parent: exec
people:
  - id: ceo
    name: Alex Rivera
    title: CEO
    unit: exec
  - id: priya
    name: Priya Natarajan
    title: VP of Product
    reports_to: ceo
    unit: product
  - id: tomas
    name: Tomas Lindqvist
    title: VP of Engineering
    reports_to: ceo
    unit: engineering
"""

STARTER_CONFIG = """\
# orglint configuration (keys: extends, select, ignore, severity, options, per-file-ignores, ...)
extends: recommended
# fail-on: warning
# ignore: [S006]
# options:
#   span-of-control:
#     max: 8
"""
