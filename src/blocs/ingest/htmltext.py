"""The visible text of an HTML page, a paragraph a block, with its title and stated date.

The stdlib parser is enough (no BeautifulSoup): we only need the text a reader sees, in
order, split where the page's block elements split it. Scripts, styles and the like are
dropped; runs of whitespace inside a block become one space (as a browser shows them),
`<br>` is a line break, `<pre>` keeps its lines, and blocks are separated by a blank line
so that the normalizer sees paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .docdate import iso_prefix

_BLOCKS = {"address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog",
           "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
           "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
           "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
           "body"}
_HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
# <meta name=... content=...> that state when a page was published, most specific first
_DATE_META = ("citation_publication_date", "article:published_time", "dc.date.issued",
              "dcterms.issued", "dc.date", "dcterms.date", "date", "pubdate")
_SPACE = re.compile(r"\s+")


@dataclass
class HtmlText:
    text: str
    title: str | None
    date: str | None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.hidden = 0          # depth inside elements whose text is not shown
        self.pre = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = {k.lower(): v or "" for k, v in attrs}
            name = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if name and "content" in a:
                self.meta.setdefault(name, a["content"])
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre":
            self.pre += 1
        elif tag == "br" and not self.hidden:
            self.current.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._flush()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.current.append(data if self.pre else _SPACE.sub(" ", data))

    def _flush(self) -> None:
        raw = "".join(self.current)
        self.current = []
        if self.pre:
            block = raw.strip("\n").rstrip()
        else:
            block = re.sub(r" *\n *", "\n", raw).strip()
        if block.strip():
            self.blocks.append(block)

    def result(self) -> HtmlText:
        self.close()
        self._flush()
        title = _SPACE.sub(" ", "".join(self.title_parts)).strip() or None
        when = next((d for d in (iso_prefix(self.meta[k]) for k in _DATE_META if k in self.meta)
                     if d), None)
        return HtmlText("\n\n".join(self.blocks).replace("\x00", ""), title, when)


def html_text(markup: str) -> HtmlText:
    """The page's text (blocks separated by a blank line), `<title>` and metadata date."""
    p = _Parser()
    p.feed(markup)
    return p.result()


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset=...>`), if any."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", head, re.I)
    return m.group(1).decode("ascii").lower() if m else None
