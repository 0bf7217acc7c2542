"""Bytes of a .txt report → text: UTF-8, GB18030 (Windows offices) or UTF-16 (Notepad's "Unicode")."""

from __future__ import annotations

import unicodedata

from tracker.io.report.errors import ReportError


def decode_report(data: bytes) -> str:
    """Try the encodings offices use before calling a file binary."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReportError("文件标记为 UTF-16 编码，但内容不完整或已损坏。") from exc
    if b"\x00" in data[:4096]:
        text = _utf16_without_mark(data)
        if text is not None:
            return text
        raise ReportError("这不是文本文件（含有二进制数据）。请粘贴或保存为 .txt 后再导入。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportError("无法识别文件编码：请以 UTF-8 或 GBK 保存为 .txt 后再导入。")


def _utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 saved without its byte-order mark (some converters and mail gateways drop it):
    zero bytes, but every character decodes to text, much of it Chinese. Binary data read as
    UTF-16 gives control, private-use and unassigned characters instead."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        odd = sum(1 for ch in sample if ch not in "\r\n\t"
                  and unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))
        cjk = sum(1 for ch in sample if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
        if odd == 0 and cjk * 3 >= len(sample.strip()):
            return text
    return None
