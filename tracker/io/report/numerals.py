"""Chinese numbers as official documents write them: 一 … 九十九, ① … ⑳, 二〇一九年."""

from __future__ import annotations

CN_DIGITS = "〇零一二三四五六七八九十百"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# ⑴ … ⒇: one glyph for "(1)", offered by Chinese input methods and Word's symbol list.
PAREN_GLYPHS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_CN_VALUE = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
# Full-width digits are common in documents typed with a Chinese input method.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, "7" → 7 (enough for area and item numbers)."""
    text = text.translate(FULLWIDTH_DIGITS)
    if len(text) == 1 and text in CIRCLED:
        return CIRCLED.index(text) + 1
    if len(text) == 1 and text in PAREN_GLYPHS:
        return PAREN_GLYPHS.index(text) + 1
    if text.isdecimal() and text.isascii():
        return int(text)
    if "百" in text:
        hundreds, _, rest = text.partition("百")
        return _CN_VALUE.get(hundreds, 1) * 100 + (cn_number(rest.lstrip("零〇")) if rest else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_VALUE.get(tens, 1) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)
    return _CN_VALUE.get(text, 0)


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二 (inverse of cn_number for 1–99)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def cn_year(text: str) -> int:
    """二〇一九 → 2019: a year written digit by digit in Chinese (dates of official documents)."""
    text = text.translate(FULLWIDTH_DIGITS)
    if text.isdecimal() and text.isascii():
        return int(text)
    return int("".join(str(_CN_VALUE.get(ch, 0)) for ch in text))
