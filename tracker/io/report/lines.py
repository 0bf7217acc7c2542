"""A report's text as lines that know what they are: text, noise, closing, a field, a stop.

Reports reach us pasted from web pages, saved from Word, or extracted from PDF, and each
route adds its furniture: bylines, page numbers, "相关链接", signatures and dates. Lines
are classified before any structure is read, so furniture never becomes a task, and each
line keeps its offsets in the cleaned source so a preview can point at it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.io.report.words import NOTICE_TITLE, PLAN_TITLE, REVIEW_TITLE

TERMINAL = "。！？；：!?;:"
CLOSERS = "”’」』）)】》"


@dataclass
class Line:
    """One line (after unwrapping: one paragraph) of the source, stripped, with its span."""

    text: str
    start: int
    end: int
    kind: str = "text"  # text | noise | stop | closing | attachment | field
    blank_before: bool = False
    level: int = 0  # a heading by the file's styles (Word's Heading 1 = 1), else 0


def clean(text: str) -> str:
    """Unify line ends, drop control/format characters (keep tab/newline) and the BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return "".join(
        ch for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )


_SPACE = " \t\u3000\u00a0"


def split_lines(source: str, headings: Mapping[int, int] | None = None) -> list[Line]:
    """Non-empty lines with their offsets; `blank_before` records a paragraph break, and
    `headings` (line number → level) the lines a file's styles mark as headings."""
    out: list[Line] = []
    pos = 0
    blank = False
    levels = headings or {}
    for number, raw in enumerate(source.split("\n")):
        lead = len(raw) - len(raw.lstrip(_SPACE))
        text = raw.strip(_SPACE)
        if text:
            start = pos + lead
            out.append(Line(text, start, start + len(text), blank_before=blank or not out,
                            level=levels.get(number, 0)))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def unwrap(lines: list[Line], starts_block: re.Pattern[str], hard_wrapped: bool | None = None) -> list[Line]:
    """Join lines that a fixed width or a PDF cut in the middle of a sentence.

    A line continues the one above when there is no blank line between them, it does not
    start a numbered block or a field, and the line above stops without a sentence end
    although it reads like running text: it has a full stop inside, or the text is
    hard-wrapped and the line reaches the wrap width. A short heading with commas
    ("（一）坚持稳中求进，推动高质量发展") is never joined to the paragraph below it.
    """
    if not lines:
        return lines
    wide = _wrap_width(lines) if hard_wrapped is not False else 0
    out: list[Line] = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        joinable = (
            not line.blank_before
            and prev.kind == "text" and line.kind == "text"
            and not prev.level and not line.level
            and not ends_sentence(prev.text)
            and not starts_block.match(line.text)
            and (
                _has_inner_stop(prev.text)
                or (wide > 0 and display_width(prev.text) >= wide - 4)
            )
        )
        if joinable:
            ascii_words = prev.text[-1:].isascii() and prev.text[-1:].isalnum() and line.text[:1].isascii()
            glue = " " if ascii_words else ""
            out[-1] = Line(prev.text + glue + line.text, prev.start, line.end, prev.kind, prev.blank_before)
        else:
            out.append(line)
    return out


def _has_inner_stop(text: str) -> bool:
    return any(ch in "。！？；" for ch in text[:-1])


def _wrap_width(lines: list[Line]) -> int:
    """The width at which the text was hard-wrapped, or 0 when it was not.

    Hard-wrapped text has many lines of (nearly) the same, largest width; paragraphs saved
    one per line have widths all over the place.
    """
    widths = sorted(display_width(ln.text) for ln in lines if ln.kind == "text")
    if len(widths) < 6:
        return 0
    top = widths[int(len(widths) * 0.9)]
    if top < 30:
        return 0
    near = sum(1 for w in widths if top - 4 <= w <= top + 4)
    return top if near >= max(3, len(widths) // 4) else 0


# --- classification ------------------------------------------------------------------

_BYLINE = re.compile(
    r"^[【\[]?(?:发布时间|發布時間|发布日期|發布日期|发文日期|成文日期|时间|日期|来源|來源|信息来源|文章来源|稿件来源|"
    r"作者|编辑|編輯|责任编辑|責任編輯|审核|審核|校对|供稿|撰稿|浏览次数|瀏覽次數|点击数|点击量|阅读次数|阅读量|"
    r"访问量|字号|字體|字体|索引号|索 引 号|主题分类|发布机构|发文机关|文号|发文字号|所属主题|有效性|"
    r"分享到|当前位置|當前位置|您现在的位置)\s*[:：]"
)
# page controls, alone or several on one line ("打印本页 关闭窗口")
_CONTROLS = r"(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏|分享)"
_FURNITURE = re.compile(
    rf"^(?:{_CONTROLS}(?:\s*[|｜丨·]?\s*{_CONTROLS})*|扫一扫.*|手机扫.*|(?:https?://|www\.)\S+|"
    r"版权所有.*|主办单位.*|承办单位[:：].*|网站标识码.*|网站地图.*|.*ICP备.*|.*公网安备.*|"
    r"首页\s*[>＞»].*|首页(?:\s*[|｜丨·]\s*\S{1,8}){2,}|内部资料\s*注意保存|內部資料\s*注意保存|.*[>＞»]\s*正文|【[^】]{0,12}】(?:\s*【[^】]{0,12}】)+|\[[^\]]{0,12}\](?:\s*\[[^\]]{0,12}\])*)$"
)
# One 【…】 alone on a line is a heading (【扩大有效投资】) unless it names a page control.
_BRACKET_CONTROL = re.compile(
    r"^【\s*(?:打印|关闭|關閉|字体|字體|字号|字號|返回|收藏|分享|纠错|糾錯|评论|評論|顶部|頂部|"
    r"大\s*中\s*小|加入|推荐|推薦|下载|下載|我要)[^】]{0,10}】$"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
_DATE_ONLY = re.compile(
    r"^[（(]?(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*[年\-./]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
    r"\s*(?:[月\-./]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?|月)?[）)]?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
# the red header of an official document, or a classification line at the top of a page
_RED_HEADER = re.compile(
    r"^(?:\S{2,24}(?:文件|简报|簡報|通报|通報|专报|專報)|内部资料.*|內部資料.*|密级.*|密級.*)$"
)
# a document number under the red header: 鄂政办发〔2021〕5号
_DOC_NUMBER = re.compile(r"^\S{1,16}[〔［\[(（]\s*(?:19|20)\d{2}\s*[〕］\])）]\s*\d{1,4}\s*号$")
_DATE_DMY = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_STOP = re.compile(
    r"^(?:相关链接|相關鏈接|相关阅读|相關閱讀|相关新闻|相关文章|相关稿件|延伸阅读|推荐阅读|热点推荐|"
    r"上一篇|下一篇|上一条|下一条|【相关)"
)
_CLOSING = re.compile(
    r"^(?:特此(?:报告|報告|通知|函|请示|說明|说明|汇报)[。.！!]?$|抄送\s*[:：]|抄報\s*[:：]|抄报\s*[:：]|"
    r"主送\s*[:：]|[（(]?此件(?:公开发布|公開發布|不予公开|主动公开|依申请公开)[）)]?$|"
    r"[（(]?联系人\s*[:：]|(?:述职人|述職人|报告人|報告人|汇报人|匯報人)\s*[:：]|[（(]?聯繫人\s*[:：]|联系电话\s*[:：]|.{0,30}\d{4}年\d{1,2}月\d{1,2}日\s*印发$)"
)
# "请各单位于每季度结束后5日内将工作进展情况报送市局": a notice's request to report back
_REQUEST = re.compile(
    r"^(?:请|請)(?:各|你|有关|有關|相关|相關)[^。！!]{0,80}?(?:报送|報送|上报|上報|报至|報至|报市|報市|反馈|反饋|送至)"
)
_NUMBERED_START = re.compile(r"^[（(]?[一二三四五六七八九十\d①-⑳][）)、.．]")
_ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*\d{0,2}\s*[:：]?\s*$")
_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*\d{0,2}\s*[:：]\s*\S")
_FIELD = re.compile(
    r"^[（(]?\s*(?:(?:牵头|牽頭|责任|責任|配合|协办|協辦|参与|參與|主办|承办|协同|協同|落实|落實)"
    r"(?:单位|單位|部门|部門|科室|处室|處室|领导|領導|人)|(?:完成|办结|辦結)?(?:时限|時限|时间|時間)|时间节点|時間節點)"
    r"\s*[:：]"
)
# A table of contents repeats the headings with page numbers; read as headings it would
# give every area twice (or only the contents' empty copies).
_CONTENTS_HEAD = re.compile(r"^(?:目\s*录|目\s*錄)$")
_CONTENTS_ENTRY = re.compile(r"^\S.{0,60}?(?:[.．·…‥_\-—]\s*){4,}\d{1,4}$")
_PAGE_AT_END = re.compile(r"^\S.{0,60}?\S(?:\s{2,}|\t)\d{1,4}$")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年|[〇零○Ｏ一二三四五六七八九]{4}\s*年")
_ORG_SUFFIX = re.compile(
    r"(?:局|委|办|辦|厅|廳|政府|办公室|辦公室|委员会|委員會|中心|院|所|站|公司|街道|镇|鎮|乡|鄉|部|处|處|科)$"
)


_NOISE = (_PAGE_NUMBER, _BYLINE, _FURNITURE, _DATE_DMY, _BRACKET_CONTROL, _DOC_NUMBER)


def classify(lines: list[Line]) -> None:
    """Set each line's kind. A date right after a short organisation line is a signature."""
    for i, line in enumerate(lines):
        text = line.text
        if "\t" in text and sum(1 for c in text.split("\t") if c.strip()) >= 2:
            line.kind = "row"  # a table row (from Word, or pasted from a spreadsheet)
        elif _STOP.match(text):
            line.kind = "stop"
        elif any(p.match(text) for p in _NOISE) or (
                i < 3 and _RED_HEADER.match(text)):
            line.kind = "noise"
        elif _DATE_ONLY.match(text):
            line.kind = "noise" if i < 3 else "closing"
        elif _CLOSING.match(text) or _ATTACHMENT_LIST.match(text):
            line.kind = "closing"
        elif _ATTACHMENT_HEAD.match(text):
            line.kind = "attachment"
        elif _FIELD.match(text):
            line.kind = "field"
    _mark_contents(lines)
    _mark_requests(lines)
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1]
        if (line.kind == "text" and following.kind == "closing" and _DATE_ONLY.match(following.text)
                and _is_signature(line.text)):
            line.kind = "closing"  # the signature above the date
    last = lines[-1] if lines else None
    if last is not None and last.kind == "text" and _is_signature(last.text) and len(lines) > 3:
        last.kind = "closing"  # a signature with no date below it ends the document
    _mark_running_lines(lines)


def _mark_running_lines(lines: list[Line]) -> None:
    """A short line beside a page number is a running header or footer, unless it is the
    report's title said once ("第 1 页 共 3 页" under the title of a pasted page): a running
    title comes back on every page."""
    seen: dict[str, int] = {}
    for line in lines:
        seen[_without_digits(line.text)] = seen.get(_without_digits(line.text), 0) + 1
    for i, line in enumerate(lines):
        if line.kind == "noise" and _PAGE_NUMBER.match(line.text):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and lines[j].kind == "text" and len(lines[j].text) <= 30 \
                        and not re.search(r"[。；;，,：:！!？?]", lines[j].text) \
                        and not re.match(r"^[（(]?[一二三四五六七八九十\d①-⑳]", lines[j].text) \
                        and not closes_above(lines[j].text) \
                        and not (_is_title(lines[j].text) and seen[_without_digits(lines[j].text)] == 1):
                    lines[j].kind = "noise"


def _is_title(text: str) -> bool:
    """A dated plan, report or notice title: "市水利局2021年工作要点"."""
    return bool(_TITLE_YEAR.search(text) and (PLAN_TITLE.search(text) or REVIEW_TITLE.search(text)
                                               or NOTICE_TITLE.search(text)))


def _without_digits(text: str) -> str:
    return re.sub(r"[\d\s]+", "", text)


def _mark_requests(lines: list[Line]) -> None:
    """A request to report back (请各单位…报送…) that no numbered line follows before the
    closing lines closes the tasks: it is the notice's closing, not its last item's detail."""
    numbered_below = False
    for line in reversed(lines):
        if line.kind in ("closing", "attachment"):
            numbered_below = False
        elif line.kind == "text" and _NUMBERED_START.match(line.text):
            numbered_below = True
        elif line.kind == "text" and not numbered_below and _REQUEST.match(line.text):
            line.kind = "closing"


def _is_signature(text: str) -> bool:
    """An organisation's name alone on a line: short, no punctuation, ends like 局 / 办公室."""
    return len(text) <= 30 and not re.search(r"[。；，,：:]", text) and bool(_ORG_SUFFIX.search(text))


def closes_above(text: str) -> bool:
    """"办公室牵头）": more closing than opening brackets, so the line above runs on into it."""
    return sum(text.count(c) for c in "）)") > sum(text.count(c) for c in "（(")


def is_field(text: str) -> bool:
    return bool(_FIELD.match(text))


def _mark_contents(lines: list[Line]) -> None:
    """目录 and its entries are noise: dotted leaders to a page number anywhere, and under a
    目录 line also entries that end in a page number after a wide gap."""
    in_contents = False
    for line in lines:
        if line.kind != "text":
            continue
        if _CONTENTS_HEAD.match(line.text):
            line.kind, in_contents = "noise", True
        elif _CONTENTS_ENTRY.match(line.text) or (in_contents and _PAGE_AT_END.match(line.text)):
            line.kind = "noise"
        else:
            in_contents = False
