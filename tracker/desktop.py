"""Put the app in the Linux desktop menu: a .desktop entry and the icon, for the current user.

Users start the app by double-clicking; after `tracker --install-desktop` they never need a
terminal again. Follows the freedesktop Desktop Entry and Icon Theme specifications; no Qt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tracker import APP_ID, __version__, resources_dir

DESKTOP_FILE = f"{APP_ID}.desktop"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def desktop_dir() -> Path | None:
    """The user's desktop folder, when there is one (xdg-user-dir knows localised names like 桌面)."""
    try:
        out = subprocess.run(["xdg-user-dir", "DESKTOP"], capture_output=True, text=True, timeout=5)
        folder = Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None
    except (OSError, subprocess.SubprocessError):
        folder = None
    folder = folder or Path.home() / "Desktop"
    return folder if folder.is_dir() and folder != Path.home() else None


def launcher() -> list[str]:
    """The command that opens the window from this installation (the venv's gui-script)."""
    script = Path(sys.executable).with_name("tracker-gui")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "tracker"]


def _exec_arg(arg: str) -> str:
    """Quote an Exec argument as the Desktop Entry spec asks (double quotes, escaped \\ " ` $)."""
    if not any(ch in arg for ch in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_exec_arg(part) for part in command).replace("%", "%%")
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=Annual Plan Tracker",
        "Name[zh_CN]=年度工作台账",
        "GenericName=Annual goals ledger",
        "GenericName[zh_CN]=年度工作目标台账",
        "Comment=Assign the year's goals, record progress, see who is behind, export the Excel ledger",
        "Comment[zh_CN]=分解年度目标、填报进展、红黄绿灯督办、导出 Excel 台账",
        f"Exec={exec_line}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;ProjectManagement;",
        "Keywords=ledger;plan;goals;台账;督办;工作目标;",
        f"StartupWMClass={APP_ID}",
        f"X-AppVersion={__version__}",
        "",
    ])


@dataclass
class Installed:
    files: list[Path] = field(default_factory=list)


def install(command: list[str] | None = None, *, to_desktop: bool = True) -> Installed:
    """Write the entry and icons under $XDG_DATA_HOME; also a copy on the desktop when asked."""
    result = Installed()
    share = data_home()
    entry = share / "applications" / DESKTOP_FILE
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(command or launcher()), encoding="utf-8")
    result.files.append(entry)
    icons = resources_dir() / "icons"
    for png in sorted((icons / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        target = share / "icons" / png.relative_to(icons)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
        result.files.append(target)
    svg_target = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    svg_target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(icons / "tracker.svg", svg_target)
    result.files.append(svg_target)
    desktop = desktop_dir() if to_desktop else None
    if desktop is not None:
        shortcut = desktop / DESKTOP_FILE
        shutil.copyfile(entry, shortcut)
        shortcut.chmod(0o755)  # GNOME and others launch only executable desktop files
        result.files.append(shortcut)
    _refresh_caches(share)
    return result


def uninstall() -> list[Path]:
    share = data_home()
    candidates = [share / "applications" / DESKTOP_FILE,
                  share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
                  *(share / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")]
    desktop = desktop_dir()
    if desktop is not None:
        candidates.append(desktop / DESKTOP_FILE)
    removed = [p for p in candidates if p.exists()]
    for path in removed:
        path.unlink()
    _refresh_caches(share)
    return removed


def _refresh_caches(share: Path) -> None:
    """Menus pick the entry up sooner when the caches are refreshed; missing tools are fine."""
    for cmd in (["update-desktop-database", str(share / "applications")],
                ["gtk-update-icon-cache", "-q", "-t", str(share / "icons" / "hicolor")]):
        if shutil.which(cmd[0]):
            subprocess.run(cmd, capture_output=True, timeout=30, check=False)
