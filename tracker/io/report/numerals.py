"""Chinese numbers as official documents write them: 一 … 九十九, ① … ⑳, 二〇一九年."""

from __future__ import annotations

CN_DIGITS = "〇零一二三四五六七八九十百"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# ⑴ … ⒇: one glyph for "(1)", offered by Chinese input methods and Word's symbol list.
PAREN_GLYPHS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_CN_VALUE = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
ROC_OFFSET = 1911  # 民國 1 = 1912
# 壹 贰 叁 …: the banker's numerals that number the top parts of some plans (壹、施政目標)
CAPITAL_DIGITS = "壹贰貳叁參参肆伍陆陸柒捌玖拾"
_CAPITAL = str.maketrans("壹贰貳叁參参肆伍陆陸柒捌玖拾", "一二二三三三四五六六七八九十")
# Full-width digits are common in documents typed with a Chinese input method.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, "7" → 7 (enough for area and item numbers)."""
    text = text.translate(FULLWIDTH_DIGITS).translate(_CAPITAL)
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
    """二〇一九 → 2019: a year written digit by digit in Chinese (dates of official documents).

    Three digits (一一〇) or 民國110 are a year of the Republic, as Taiwan dates: 110 → 2021.
    """
    text = text.translate(FULLWIDTH_DIGITS)
    if text[:1] == "民":
        digits = "".join(ch for ch in text if ch.isdecimal() and ch.isascii())
        return int(digits) + ROC_OFFSET if digits else 0
    if text.isdecimal() and text.isascii():
        return int(text)
    value = int("".join(str(_CN_VALUE.get(ch, 0)) for ch in text))
    return value + ROC_OFFSET if len(text) == 3 else value
