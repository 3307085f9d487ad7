"""Whole articles of ../shared/train that we label in the gold format (shared/spec/gold-format.md), to
measure dateline the way the hidden sets do, on reports nobody building it has read.

The set, fixed before anyone looked at a text or a record:
- ECB+ documents never read under either split of our sentence labels (`candidates.labels_split` says
  "test" and `argument_data.held_out` says held out): 55 documents, no model was fitted on them;
- the 20 WikiEvents dev documents (scraped pages, raw text). Their KAIROS labels fed the mapped-set
  training of the candidate and role models, so their figures are the weaker claim.

ECB+ keeps only tokens: a document's text is rebuilt here (spaces before punctuation closed, quotes
paired, the URL line kept apart as the page's address), one paragraph per sentence, the first its title.
The committed labels hold offsets into exactly this text and its hash, never the text.

    python -m dateline.train.article_texts /tmp/articles    # writes <id>.txt and <id>.meta.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ECB_DIR = "ecbplus/ECB+_LREC2014/ECB+"


@dataclass(frozen=True)
class ArticleText:
    id: str  # "ecbplus-<stem>" or "wikievents-<doc_id>"
    set: str
    doc: str
    text: str
    url: str | None  # ECB+ "plus" documents open with their page's address (often dated)

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]


_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'(?:\s|$))")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")
_INITIALS = re.compile(r"\b([A-Z])\.? ?\. ?(?=[A-Z]\b ?\.)")  # "U . S ." -> "U.S."
_HYPHEN = re.compile(r"(?<=\w) - (?=[a-z0-9])")  # "Khartoum - based", "2011 - 11 - 10"


def detokenize(tokens: list[str]) -> str:
    text = " ".join(t for t in tokens if t)
    text = _INITIALS.sub(r"\1.", text)
    text = re.sub(r"\b([A-Z])\. ([A-Z]) \.", r"\1.\2.", text)
    text = _HYPHEN.sub("-", text)
    out, open_quote = [], False
    for part in re.split(r'( ?" ?)', text):  # pair straight quotes: no space inside them
        if part.strip() == '"':
            out.append((" \"" if part.startswith(" ") else "\"") if not open_quote
                       else ("\" " if part.endswith(" ") else "\""))
            open_quote = not open_quote
        else:
            out.append(part)
    text = "".join(out)
    text = _NO_SPACE_BEFORE.sub("", text)
    text = _NO_SPACE_AFTER.sub("", text)
    return re.sub(r"  +", " ", text).strip()


def _ecbplus(root: Path, stem_ok) -> Iterator[ArticleText]:
    for path in sorted((root / ECB_DIR).glob("*/*.xml")):
        if not stem_ok(path.stem):
            continue
        sents: dict[str, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sents.setdefault(tok.get("sentence") or "", []).append(tok.text or "")
        groups = list(sents.values())
        url = None
        if groups and re.match(r"https?\s*:", " ".join(groups[0])):
            url = "".join(groups[0])
            groups = groups[1:]
        lines = [detokenize(words) for words in _paragraphs(groups)]
        yield ArticleText(f"ecbplus-{path.stem}", "ecbplus", path.stem, "\n\n".join(l for l in lines if l) + "\n", url)


def _paragraphs(sentences: list[list[str]]) -> list[list[str]]:
    """One paragraph per sentence, except that a quotation left open runs on into the next sentences, as
    it stands in one paragraph of the page ("She was our mom. She was..." said Kafoury)."""
    out: list[list[str]] = []
    open_quote = False
    for words in sentences:
        if open_quote and out:
            out[-1] = out[-1] + words
        else:
            out.append(list(words))
        open_quote ^= "".join(words).count('"') % 2 == 1  # a quote mark can be glued to a word: '"She'
    return out


def _wikievents(root: Path) -> Iterator[ArticleText]:
    for line in (root / "wikievents/dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            yield ArticleText(f"wikievents-{d['doc_id']}", "wikievents", d["doc_id"], d["text"], None)


def never_read_ecb(stem: str) -> bool:
    from .argument_data import held_out
    from .candidates import labels_split
    return labels_split(f"ecbplus:{stem}") == "test" and held_out(stem)


def articles(train_root: Path) -> Iterator[ArticleText]:
    yield from _ecbplus(train_root, never_read_ecb)
    yield from _wikievents(train_root)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="write the texts of the article set, to label or to score")
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    from ..evaluate import shared_dir
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for a in articles(shared_dir() / "train"):
        (args.out / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
        (args.out / f"{a.id}.meta.json").write_text(json.dumps({"id": a.id, "url": a.url, "sha1": a.sha1}) + "\n")
        n += 1
    print(f"{n} articles written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
