"""File globs of the config (``exclude``, ``per-file-ignores``): ``*``, ``?``, ``**`` matched in linear time."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    pass


# --- matching file paths ------------------------------------------------------------------


# A glob is read into tokens and matched by simulating its automaton over the path, one
# character at a time, tracking every token position that is still possible. That takes
# len(path) x len(pattern) steps at worst, however many ``*`` and ``**/`` it has: a regex of
# repeated ``(?:.*/)?`` backtracks exponentially (issue 11: 12 x ``**/`` ran for minutes).
_LITERAL, _ONE, _CLASS, _STAR, _GLOBSTAR, _GLOBSTAR_SLASH = range(6)


def _glob_tokens(pattern: str) -> list[tuple[int, Any]]:
    """``*`` and ``?`` stay in one folder, ``**/`` is any number of folders, ``**`` anything."""
    tokens: list[tuple[int, Any]] = []
    index = 0
    length = len(pattern)
    while index < length:
        char = pattern[index]
        if pattern.startswith("**/", index):
            if not tokens or tokens[-1][0] != _GLOBSTAR_SLASH:  # **/**/ is **/
                tokens.append((_GLOBSTAR_SLASH, None))
            index += 3
            continue
        if pattern.startswith("**", index):
            tokens.append((_GLOBSTAR, None))
            index += 2
            continue
        if char == "*":
            tokens.append((_STAR, None))
        elif char == "?":
            tokens.append((_ONE, None))
        elif char == "[":
            end = pattern.find("]", index + 2 if pattern[index + 1 : index + 2] in ("!", "]") else index + 1)
            if end < 0:
                tokens.append((_LITERAL, char))
            else:
                body = pattern[index + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                try:
                    tokens.append((_CLASS, re.compile("[" + body.replace("\\", "\\\\") + "]")))
                except re.error:  # a class Python cannot read ([z-a]): match it as written
                    tokens.extend((_LITERAL, part) for part in pattern[index : end + 1])
                index = end
        else:
            tokens.append((_LITERAL, char))
        index += 1
    return tokens


_REGEX_OF = {_ONE: "[^/]", _STAR: "[^/]*", _GLOBSTAR: ".*", _GLOBSTAR_SLASH: "(?:.*/)?"}


def compile_glob(pattern: str) -> Callable[[str], bool]:
    """A matcher of whole '/'-separated paths for a glob, in linear time (see above)."""
    tokens = _glob_tokens(pattern)
    kinds = [kind for kind, _ in tokens]
    if kinds.count(_GLOBSTAR) + kinds.count(_GLOBSTAR_SLASH) <= 1 and kinds.count(_STAR) <= 1:
        # The usual globs (*.csv, legacy/**, imports/**/*.yaml): with one repeat across folders
        # and one within a folder, a regex backtracks at most len(path) x len(folder name)
        # steps, and runs in C, a hundred times faster than the automaton.
        regex = re.compile(
            "".join(
                re.escape(value) if kind == _LITERAL else value.pattern if kind == _CLASS else _REGEX_OF[kind]
                for kind, value in tokens
            )
            + r"\Z"
        )
        return lambda path: regex.match(path) is not None
    return _automaton(tokens)


def _automaton(tokens: list[tuple[int, Any]]) -> Callable[[str], bool]:
    accept = len(tokens)
    # States: 2*i is "at token i"; 2*i+1 is "inside the folders of the **/ at token i".

    def closure(states: set[int]) -> set[int]:
        pending = list(states)
        while pending:
            state = pending.pop()
            index = state >> 1
            if state & 1 or index >= accept:
                continue
            kind = tokens[index][0]
            if kind in (_STAR, _GLOBSTAR, _GLOBSTAR_SLASH):  # each can match nothing
                for follow in ((index + 1) << 1, state | 1) if kind == _GLOBSTAR_SLASH else ((index + 1) << 1,):
                    if follow not in states:
                        states.add(follow)
                        pending.append(follow)
        return states

    def matches(path: str) -> bool:
        states = closure({0})
        for char in path:
            following: set[int] = set()
            for state in states:
                index = state >> 1
                if state & 1:  # any characters, then a '/' ends the folders
                    following.add(state)
                    if char == "/":
                        following.add((index + 1) << 1)
                    continue
                if index >= accept:
                    continue
                kind, value = tokens[index]
                if kind == _LITERAL:
                    if char == value:
                        following.add((index + 1) << 1)
                elif kind == _ONE:
                    if char != "/":
                        following.add((index + 1) << 1)
                elif kind == _CLASS:
                    if value.match(char):
                        following.add((index + 1) << 1)
                elif kind == _STAR:
                    if char != "/":
                        following.add(state)
                elif kind == _GLOBSTAR:
                    following.add(state)
            if not following:
                return False
            states = closure(following)
        return (accept << 1) in states

    return matches


def _file_matcher(pattern: str, base: Path) -> Callable[[str], bool]:
    """Match a finding's file (as displayed: relative to the current directory) against a config glob.

    Patterns are relative to the config file's folder; a pattern without ``/``
    also matches a file's name in any folder (``*.csv``).
    """
    cleaned = pattern[2:] if pattern.startswith("./") else pattern
    glob = compile_glob(cleaned)
    basename_too = "/" not in cleaned
    cache: dict[str, bool] = {}

    def matches(file: str) -> bool:
        hit = cache.get(file)
        if hit is None:
            hit = any(glob(candidate) for candidate in _candidates(file, base, basename_too))
            cache[file] = hit
        return hit

    return matches


def _candidates(file: str, base: Path, basename_too: bool) -> list[str]:
    candidates = [file.replace(os.sep, "/")]
    if not file.startswith("<"):  # <stdin>
        try:
            relative = os.path.relpath(os.path.abspath(file), base)
        except ValueError:  # another drive on Windows
            relative = None
        if relative is not None and not relative.startswith(".."):
            candidates.append(relative.replace(os.sep, "/"))
    if basename_too:
        candidates.append(candidates[0].rsplit("/", 1)[-1])
    return candidates
