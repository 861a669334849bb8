"""The PyInstaller recipe names files that exist and carries what the app opens at run time."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]


class _Recorder:
    """Stands in for one PyInstaller build step and keeps what the recipe passed to it."""

    calls: ClassVar[list[tuple[str, tuple[Any, ...], dict[str, Any]]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _Recorder.calls.append((type(self).__name__, args, kwargs))
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        self.binaries: list[Any] = []
        self.datas: list[Any] = []


def _run_spec() -> dict[str, Any]:
    steps = {name: type(name, (_Recorder,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), **steps}
    _Recorder.calls = []
    exec(compile((ROOT / "build.spec").read_text(), "build.spec", "exec"), namespace)
    return {name: kwargs | {"args": args} for name, args, kwargs in _Recorder.calls}


def test_spec_carries_resources_translations_and_migrations() -> None:
    analysis = _run_spec()["Analysis"]
    (entry,) = analysis["args"][0]
    assert Path(entry).is_file() and entry.endswith("desktop/__main__.py")
    datas = {target: Path(source) for source, target in analysis["datas"]}
    for source in datas.values():
        assert source.exists(), source
    assert (datas["resources"] / "i18n" / "mediseal_zh_CN.qm").is_file()
    assert (datas["db/migrations"] / "env.py").is_file()
    assert sorted(p.name for p in (datas["db/migrations"] / "versions").glob("0*.py"))


def test_hidden_imports_exist() -> None:
    for module in _run_spec()["Analysis"]["hiddenimports"]:
        importlib.import_module(module)


def test_two_programs_share_one_folder() -> None:
    _run_spec()
    names = [kwargs["name"] for name, _args, kwargs in _Recorder.calls if name == "EXE"]
    assert names == ["mediseal", "mediseal-gui"]
    assert _run_spec()["COLLECT"]["name"] == "mediseal"
