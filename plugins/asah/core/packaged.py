"""YAML files that ship with Asah (interface strings, messages), read fast.

They are written in YAML for translators, and every build reads them: PyYAML took about 15 ms
for the two interface-string files alone, JSON a tenth of a millisecond. So the data read from
a file is kept as JSON in a `__pycache__` folder beside it, named after a hash of the YAML
text, as Python keeps bytecode: an edited file has a new hash and is read as YAML again. Where
the folder cannot be written (a read-only installation), the YAML is read every time."""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def load(package: str, *parts: str) -> Any:
    """The data of the YAML file `parts` inside `package`."""
    return read(resources.files(package).joinpath(*parts))


def read(file: Any) -> Any:
    """The data of a YAML file (a Path, or a file of a package as importlib.resources gives)."""
    text = file.read_text("utf-8")
    cache = _cache_path(file, text)
    if cache is not None:
        try:
            return json.loads(cache.read_text("utf-8"))
        except (OSError, ValueError):
            pass
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if cache is not None:
        _write(cache, data, file.stem)
    return data


def _cache_path(file: object, text: str) -> Path | None:
    if not isinstance(file, Path):  # inside a zip: nowhere to keep a copy
        return None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return file.parent / "__pycache__" / f"{file.stem}.{digest}.json"


def _write(cache: Path, data: Any, stem: str) -> None:
    """Best effort, and never half a file: another build may be reading it."""
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):  # not plain JSON data (a date): no copy
        return
    if json.loads(text) != data:  # numbers as keys: no copy
        return
    try:
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob(f"{stem}.*.json"):
            if old.name.count(".") == cache.name.count("."):  # not another file's (`a.b.yml`)
                old.unlink(missing_ok=True)  # the copies of earlier versions of the file
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        partial.write_text(text, "utf-8")
        os.replace(partial, cache)
    except OSError:
        pass
