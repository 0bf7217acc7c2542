"""Before the window: say which system package is missing instead of letting Qt abort.

Qt's own failure for a missing xcb library is a fatal abort with a message about "platform
plugins" that tells an office user nothing; a missing libEGL is an ImportError traceback.
No Qt import at module level: this runs precisely when Qt may not load.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import sys

# shared library → Debian/Ubuntu package that provides it
_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libxcb-cursor.so.0": "libxcb-cursor0",
}


# what Qt 6's xcb platform plugin links against (library name for find_library → package);
# libxcb-cursor0 is the one stock desktops most often lack since Qt 6.5
_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_library_message(error: BaseException) -> str:
    text = str(error)
    m = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*)", text)
    library = m.group(1) if m else "?"
    package = _PACKAGES.get(library)
    hint = f"sudo apt install {package}" if package else "安装提供该库的系统软件包"
    return (f"无法启动图形界面：缺少系统库 {library}（{hint}）。"
            f" Cannot start the window: the system library {library} is missing ({hint}).")


def window_problem() -> str | None:
    """A one-line reason the window cannot open on this machine, or None when it can."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        return missing_library_message(exc)
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # wayland, offscreen, vnc… have no xcb needs
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return ("没有图形桌面（DISPLAY 未设置）：请在桌面环境中启动，或使用命令行子命令（tracker --help）。"
                " No graphical desktop (DISPLAY is not set).")
    if os.environ.get("WAYLAND_DISPLAY") and not platform:
        return None  # Qt prefers Wayland there; xcb is only a fallback
    missing = [package for name, package in _XCB_LIBRARIES.items() if ctypes.util.find_library(name) is None]
    if missing:
        install = "sudo apt install " + " ".join(missing)
        return (f"无法启动图形界面：Qt 6 需要的系统库缺失（{install}）。"
                f" Qt 6 needs system libraries that are missing: {install}.")
    return None
