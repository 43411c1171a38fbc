"""A check run, end to end: config -> rule set -> rules -> suppressions -> ignores -> baseline.

:func:`open_session` turns what the user asked for (command-line options, the
config file found or named) into a :class:`Session`: the loaded rules, the
enabled ones with their options and severities, the config's ignores, the
threshold and the baseline. :meth:`Session.check` runs it on an Org:

1. the enabled rules run (the engine stamps code, name and severity: orglint.severity decides it);
2. the inline suppression comments are matched against their findings;
3. the rules declared ``after_suppressions`` (X001, X002) run, given the
   suppressions; file-wide and entry comments apply to them too;
4. ``overrides`` drop the findings they ignore for the units and functions they name
   (their options and severities apply in step 1: see orglint.overrides), then
   ``per-file-ignores`` and ``per-subject-ignores`` drop findings;
5. the baseline hides the findings it records.

Nothing here prints or exits; errors are raised (ConfigError, PluginError,
SelectionError, BaselineError) for the CLI to turn into exit 2.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from orglint.config import Config, ConfigError, Resolved, discover, load_config, resolve
from orglint.engine import RunSettings, run_rules
from orglint.loader import DEFAULT_EXCLUSION, Exclusion
from orglint.overrides import Scopes, apply_ignores, check_units, rerun_with_options
from orglint.rule import Finding, Rule, Severity
from orglint.severity import rule_severity
from orglint.suppressions import Suppressions, collect

if TYPE_CHECKING:  # pragma: no cover
    from orglint.baseline import Baseline
    from orglint.loader import SourceFile
    from orglint.model import Org
    from orglint.plugins import RuleSet

DEFAULT_FAIL_ON = Severity.WARNING


@dataclass
class Checked:
    """What :meth:`Session.check` returns: the findings to report and the ones hidden, by reason."""

    findings: list[Finding]
    suppressed: list[Finding] = field(default_factory=list)  # by inline comments
    ignored: list[Finding] = field(default_factory=list)  # by per-file / per-subject ignores
    baselined: list[Finding] = field(default_factory=list)
    suppressions: Suppressions | None = None


@dataclass
class Session:
    """Everything decided before reading the chart."""

    rule_set: RuleSet
    resolved: Resolved
    config: Config = field(default_factory=Config.empty)
    fail_on: Severity = DEFAULT_FAIL_ON
    baseline: Baseline | None = None
    baseline_path: Path | None = None  # the baseline in use or to write
    exclusion: Exclusion = DEFAULT_EXCLUSION  # what a folder walk leaves out

    @classmethod
    def simple(
        cls,
        rule_set: RuleSet,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        settings: RunSettings | None = None,
    ) -> Session:
        """No config: ``select`` / ``ignore`` as given (raises SelectionError), every rule's defaults
        or ``settings``."""
        resolved = resolve(Config.empty(), rule_set, select=select, ignore=ignore)
        if settings is not None:
            resolved = dataclasses.replace(resolved, settings=settings)
        return cls(rule_set=rule_set, resolved=resolved)

    @property
    def rules(self) -> list[Rule]:
        return self.resolved.rules

    @property
    def enabled(self) -> set[str]:
        return {rule.code for rule in self.resolved.rules}

    def effective_rules(self) -> dict[str, Rule]:
        """Every loaded rule by code, with the severity this run reports it at (config and preset applied)."""
        rules: dict[str, Rule] = {}
        for code, rule in self.rule_set.rules.items():
            severity = rule_severity(rule, self.resolved.settings.severity)
            rules[code] = rule if severity == rule.severity else dataclasses.replace(rule, severity=severity)
        return rules

    def check(self, org: Org, files: Iterable[SourceFile]) -> Checked:
        """Run the session's rules on an Org and filter their findings (steps 1-5 above)."""
        resolved = self.resolved
        first = [rule for rule in resolved.rules if not rule.after_suppressions]
        later = [rule for rule in resolved.rules if rule.after_suppressions]

        settings = resolved.settings
        scopes = None
        if resolved.overrides:
            check_units(org, resolved.overrides)
            scopes = Scopes(org, resolved.overrides)
            # The overrides' severities are one more input of the one severity decision.
            settings = dataclasses.replace(settings, severity=dataclasses.replace(settings.severity, scoped=scopes.severity))
        findings = run_rules(org, first, settings)
        if scopes is not None:
            findings = rerun_with_options(org, findings, first, settings, scopes)
        suppressions = collect(files, org, self.rule_set)
        kept, suppressed = suppressions.apply(findings)
        crashed = {finding.subject for finding in findings if finding.kind == "internal"}
        suppressions.checked = frozenset(rule.code for rule in first) - crashed
        suppressions.references = list(resolved.references)
        if later:
            later_kept, later_suppressed = suppressions.apply(run_rules(org, later, settings, suppressions), mark=False)
            kept += later_kept
            suppressed += later_suppressed

        overridden: list[Finding] = []
        if scopes is not None:
            kept, overridden = apply_ignores(kept, scopes)
        kept, ignored = resolved.ignores.apply(kept)
        ignored = overridden + ignored
        baselined: list[Finding] = []
        if self.baseline is not None:
            kept, baselined = self.baseline.filter(kept)
        return Checked(kept, suppressed, ignored, baselined, suppressions)


def open_session(
    *,
    config_file: Path | str | None = None,
    isolated: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    rules_dirs: Iterable[Path | str] = (),
    fail_on: str | Severity | None = None,
    baseline_file: Path | str | None = None,
    use_baseline: bool = True,
    start: Path | str | None = None,
    exclude: Iterable[str] = (),
    no_plugins: bool = False,
) -> Session:
    """Read the config (``config_file``, else discovered upward from ``start``; none when ``isolated``),
    load the rules it and ``rules_dirs`` name, and resolve everything the command line did not override.

    ``use_baseline=False`` (``--write-baseline``) does not read the baseline. ``exclude``
    (``--exclude``: globs relative to the current folder) adds to the config's ``exclude``. ``no_plugins``
    (``--no-plugins``): a config that names plugin folders is a ConfigError naming them, and no
    code from them runs; ``rules_dirs`` (the command line's) still load.
    """
    from orglint.boundary import BoundaryError, ensure_named_within
    from orglint.plugins import load_rules

    if isolated:
        config = Config.empty()
    elif config_file is not None:
        config = load_config(config_file)
    else:
        config = discover(start)
    if no_plugins and config.plugin_names:
        raise ConfigError(_plugins_refused(config))
    rule_set = load_rules(plugins=config.plugins, plugins_root=config.root, rules_dirs=[Path(folder) for folder in rules_dirs])
    resolved = resolve(config, rule_set, select=select, ignore=ignore)
    level = Severity.parse(fail_on) if fail_on is not None else None
    if level is None and config.fail_on is not None:
        level = Severity.parse(config.fail_on)
    baseline_path = Path(baseline_file) if baseline_file is not None else config.baseline
    baseline = None
    if baseline_path is not None and use_baseline:
        from orglint.baseline import Baseline, BaselineError

        if baseline_file is not None:  # the config's baseline was checked where the config names it
            try:
                ensure_named_within(baseline_path, f"baseline file {_shown(baseline_path)}")
            except BoundaryError as error:
                raise BaselineError(str(error)) from None

        baseline = Baseline.load(_shown(baseline_path))
    return Session(
        rule_set=rule_set,
        resolved=resolved,
        config=config,
        fail_on=level or DEFAULT_FAIL_ON,
        baseline=baseline,
        baseline_path=baseline_path,
        exclusion=config.exclusion(exclude),
    )


def _plugins_refused(config: Config) -> str:
    names = config.plugin_names
    where = names[0][1]
    folders = ", ".join(f"'{name}'" for name, _ in names)
    return (
        f"{where}: plugins: the config names plugin folder{'s' if len(names) > 1 else ''} {folders}, "
        "and --no-plugins runs no code from the repository; to load them, drop --no-plugins "
        "(in the GitHub Action: allow-plugins: true), or run with --isolated to ignore the config"
    )


def _shown(path: Path) -> str:
    """A path as users want to read it: relative to the current directory when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)
