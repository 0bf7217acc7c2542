"""Bytes of a .txt report → text: UTF-8, GB18030 (Windows offices) or UTF-16 (Notepad's "Unicode")."""

from __future__ import annotations

from tracker.io.report.errors import ReportError


def decode_report(data: bytes) -> str:
    """Try the encodings offices use before calling a file binary."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReportError("文件标记为 UTF-16 编码，但内容不完整或已损坏。") from exc
    if b"\x00" in data[:4096]:
        raise ReportError("这不是文本文件（含有二进制数据）。请粘贴或保存为 .txt 后再导入。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportError("无法识别文件编码：请以 UTF-8 或 GBK 保存为 .txt 后再导入。")
