"""Configuration: finding ``.orglint.yaml`` / ``[tool.orglint]``, validating it, presets, and resolving it.

A config is read in two steps. :func:`discover` / :func:`load_config` read and
validate the file (and the files it ``extends``) into a :class:`Config`: every
key, value type and vocabulary is checked there, and any mistake is a
:class:`ConfigError` naming the file, the line where it can, and the key.
:func:`resolve` then meets the config with the loaded rules (which may
come from the config's own ``plugins``): selectors become rule codes, options
are validated against each rule's declared :class:`~orglint.rule.Option`
types, and per-file / per-subject ignores become matchers. A selector that no
loaded rule has is not an error (a config may name a plugin rule that is not
installed here): it is kept as a :class:`Reference` for rule X002 to report.

A config file is repository content, and on a pull request it is the
author's: every path it names (``extends``, ``plugins``, ``baseline``), and a
discovered config file itself, must resolve inside the repository root (with
no repository, the working folder; orglint.boundary), or it is a located
ConfigError and the file is not read. Config files are read only when they are
regular files under a size limit, and every value a message quotes is cut
short. Discovery (:func:`discovery`) stops at the repository root and, outside
a repository, never climbs above the working folder.

Layers apply in order: the preset, then each config file from the base of the
``extends`` chain to the file found, then the command line. In a layer,
``select`` (when given) replaces the rules chosen so far, and ``ignore`` and
``severity: off`` remove rules; mappings (``severity``, ``options``) merge,
the later layer winning; ``per-file-ignores``, ``per-subject-ignores`` and
``plugins`` accumulate. ``fail-on``, ``baseline`` and ``docs-url`` are taken from the
nearest layer that sets them.

The package's modules: model (keys, presets, Config), reading (files with locations), layers
(validation, ``extends``), discovery, resolution, globs, schema. This package reads config; it
never prints, exits or runs rules.
"""

from orglint.config.discovery import Discovery, discover, discovery, find_config
from orglint.config.globs import _file_matcher, compile_glob
from orglint.config.layers import load_config
from orglint.config.model import (
    CONFIG_FILES,
    DEFAULT_PRESET,
    FAIL_ON_LEVELS,
    KEYS,
    OVERRIDE_KEYS,
    PRESETS,
    SEVERITY_LEVELS,
    Config,
    ConfigError,
    Layer,
    Override,
    Reference,
)
from orglint.config.resolution import Ignores, Resolved, ResolvedOverride, resolve
from orglint.config.schema import config_schema, config_schema_json

__all__ = [
    "CONFIG_FILES",
    "DEFAULT_PRESET",
    "FAIL_ON_LEVELS",
    "KEYS",
    "OVERRIDE_KEYS",
    "PRESETS",
    "SEVERITY_LEVELS",
    "Config",
    "ConfigError",
    "Discovery",
    "Ignores",
    "Layer",
    "Override",
    "Reference",
    "Resolved",
    "ResolvedOverride",
    "_file_matcher",
    "compile_glob",
    "config_schema",
    "config_schema_json",
    "discover",
    "discovery",
    "find_config",
    "load_config",
    "resolve",
]
