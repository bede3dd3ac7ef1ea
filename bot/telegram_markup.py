"""Validate Telegram ``parse_mode`` markup (HTML, MarkdownV2, Markdown) and return visible text.

Pure standard library, shared by the delivery checks (``bot.delivery.compose`` refuses HR
texts Telegram would refuse) and the Bot API emulator, which rejects markup that real
Telegram rejects ("can't parse entities") so that bot bugs such as an unescaped ``.`` in
MarkdownV2 or a ``<br>`` in HTML surface in tests.
"""

from __future__ import annotations

from html.parser import HTMLParser

HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")


class MarkupError(ValueError):
    """The text cannot be parsed with the requested parse mode."""


def visible_text(text: str, parse_mode: str | None) -> str:
    """Return what the user would see, raising MarkupError on invalid markup."""
    mode = (parse_mode or "").lower()
    if not mode:
        return text
    if mode == "html":
        return _parse_html(text)
    if mode == "markdownv2":
        return _parse_markdown_v2(text)
    if mode == "markdown":
        return _parse_markdown(text)
    raise MarkupError(f"Unsupported parse_mode {parse_mode}")


class _TelegramHTML(HTMLParser):
    """HTMLParser that enforces Telegram's tag whitelist and proper nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Accept only supported tags."""
        if tag not in HTML_TAGS:
            raise MarkupError(f'Unsupported start tag "{tag}"')
        if tag == "span" and dict(attrs).get("class") != "tg-spoiler":
            raise MarkupError('Tag "span" must have class "tg-spoiler"')
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Self-closing tags (like ``<br/>``) are not supported by Telegram."""
        raise MarkupError(f'Unsupported start tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        """End tags must close the innermost open tag."""
        if not self.stack or self.stack[-1] != tag:
            raise MarkupError(f'Unmatched end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        """Collect visible text."""
        self.parts.append(data)


def _parse_html(text: str) -> str:
    """Strip Telegram HTML, validating tags."""
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise MarkupError(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.parts)


def _parse_markdown_v2(text: str) -> str:
    """Strip MarkdownV2, enforcing escapes of reserved characters and closed entities."""
    out: list[str] = []
    stack: list[str] = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        ch = text[i]
        if ch == "\\":
            if i + 1 >= n:
                raise MarkupError("Character '\\' at end of text must be escaped")
            out.append(text[i + 1])
            i += 2
            at_line_start = False
            continue
        if ch == "`":
            fence = "```" if text.startswith("```", i) else "`"
            end = _find_unescaped(text, fence, i + len(fence))
            if end < 0:
                kind = "Pre" if fence == "```" else "Code"
                raise MarkupError(f"Can't find end of {kind} entity at byte offset {i}")
            body = text[i + len(fence) : end]
            if fence == "```" and "\n" in body:
                body = body.split("\n", 1)[1]
            out.append(body.replace("\\`", "`").replace("\\\\", "\\"))
            i = end + len(fence)
            at_line_start = False
            continue
        marker = None
        for candidate in ("__", "||", "*", "_", "~"):
            if text.startswith(candidate, i):
                marker = candidate
                break
        if marker is not None:
            if marker in stack:
                if stack[-1] != marker:
                    raise MarkupError(f"Can't find end of entity starting at byte offset {i}")
                stack.pop()
            else:
                stack.append(marker)
            i += len(marker)
            at_line_start = False
            continue
        if ch == "[":
            close = _find_unescaped(text, "](", i + 1)
            end = _find_unescaped(text, ")", close + 2) if close >= 0 else -1
            if close < 0 or end < 0:
                raise MarkupError("Character '[' is reserved and must be escaped with '\\'")
            out.append(_parse_markdown_v2(text[i + 1 : close]))
            i = end + 1
            at_line_start = False
            continue
        if ch == ">" and at_line_start:
            i += 1
            continue
        if ch in MDV2_RESERVED:
            raise MarkupError(
                f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        out.append(ch)
        at_line_start = ch == "\n"
        i += 1
    if stack:
        raise MarkupError(f"Can't find end of entity {stack[-1]!r}")
    return "".join(out)


def _find_unescaped(text: str, needle: str, start: int) -> int:
    """Index of ``needle`` at or after ``start`` not preceded by a backslash escape, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(needle, i):
            return i
        i += 1
    return -1


def _parse_markdown(text: str) -> str:
    """Strip legacy Markdown (``*bold*``, ``_italic_``, ```code```, ``[t](url)``)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "*_`":
            end = text.find(ch, i + 1)
            if end < 0:
                raise MarkupError(f"Can't find end of the entity starting at byte offset {i}")
            out.append(text[i + 1 : end])
            i = end + 1
            continue
        if ch == "[":
            close = text.find("](", i)
            end = text.find(")", close) if close >= 0 else -1
            if close >= 0 and end >= 0:
                out.append(text[i + 1 : close])
                i = end + 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)
