"""Start by double-click: the desktop entry, its icon, and the machine checks before the window."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tracker import desktop
from tracker.cli import main
from tracker.preflight import missing_library_message, window_problem


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    (tmp_path / "Desktop").mkdir()
    return tmp_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are a Linux thing")
def test_install_desktop_puts_a_valid_entry_in_the_menu_and_on_the_desktop(home, capsys):
    assert main(["--install-desktop"]) == 0
    entry = home / "share" / "applications" / "annual-plan-tracker.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Name[zh_CN]=年度工作台账" in text and "Icon=annual-plan-tracker" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "tracker" in exec_line
    assert (home / "share/icons/hicolor/48x48/apps/annual-plan-tracker.png").stat().st_size > 0
    assert (home / "share/icons/hicolor/scalable/apps/annual-plan-tracker.svg").exists()
    shortcut = home / "Desktop" / "annual-plan-tracker.desktop"
    assert shortcut.exists() and shortcut.stat().st_mode & 0o100
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate (Debian desktop-file-utils) is not installed")
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are a Linux thing")
def test_uninstall_removes_what_install_added(home, capsys):
    installed = desktop.install().files
    assert main(["--uninstall-desktop"]) == 0
    assert not any(path.exists() for path in installed)


def test_exec_paths_with_spaces_are_quoted():
    entry = desktop.desktop_entry(["/opt/My Apps/bin/tracker-gui"])
    assert 'Exec="/opt/My Apps/bin/tracker-gui"' in entry


def test_a_missing_qt_library_names_the_package_to_install():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = missing_library_message(error)
    assert "libEGL.so.1" in message and "sudo apt install libegl1" in message


def test_no_display_is_explained_instead_of_a_qt_abort(monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 only")
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert "DISPLAY" in (window_problem() or "")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert window_problem() is None


def test_the_window_command_exits_with_the_reason_not_a_traceback(monkeypatch, capsys, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 only")
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["--db", str(tmp_path / "t.db")]) == 1
    err = capsys.readouterr().err
    assert "DISPLAY" in err and len(err.strip().splitlines()) == 1


def test_missing_xcb_libraries_are_listed_by_package(monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 only")
    import ctypes.util

    real = ctypes.util.find_library
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else real(name)
    )
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert "libxcb-cursor0" in (window_problem() or "")
