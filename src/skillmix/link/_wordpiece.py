"""A pure-Python BERT (uncased) WordPiece tokenizer, read from a ``tokenizer.json``.

It reproduces Hugging Face's ``BertNormalizer`` (clean text, split CJK characters,
lowercase, strip accents) + ``BertPreTokenizer`` (whitespace and punctuation split) +
``WordPiece`` (greedy longest match, ``##`` continuation) for the uncased models we ship
support for. Word pieces are memoised per word, so re-tokenising job-ad text is cheap.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Mapping

__all__ = ["WordPiece"]


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


_ASCII_TABLE = {c: None for c in (*range(0, 32), 127) if chr(c) not in "\t\n\r"} | {
    ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}


class WordPiece:
    """Text -> token ids for an uncased BERT vocabulary.

    ``vocab`` maps piece -> id. ``encode`` returns ids wrapped in ``[CLS] ... [SEP]`` and
    truncated to ``max_length``; ``words`` returns the pre-tokenised words with the number
    of pieces each produced (used to pool token vectors back into words).
    """

    def __init__(self, vocab: Mapping[str, int], *, max_chars_per_word: int = 100) -> None:
        self.vocab = dict(vocab)
        self.max_chars_per_word = max_chars_per_word
        self.cls_id = self.vocab["[CLS]"]
        self.sep_id = self.vocab["[SEP]"]
        self.pad_id = self.vocab["[PAD]"]
        self.unk_id = self.vocab["[UNK]"]
        self._pieces = lru_cache(maxsize=200_000)(self._word_pieces)

    # ------------------------------------------------------------------ normalise
    @staticmethod
    def normalise(text: str) -> str:
        if text.isascii():
            # the loop below, for ASCII: tab/newline/CR and space become spaces, the
            # other control characters go (tested to agree on every ASCII character)
            return text.translate(_ASCII_TABLE).lower()
        out = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD:
                continue
            cat = unicodedata.category(ch)
            if ch in "\t\n\r" or cat == "Zs":
                out.append(" ")
            elif cat.startswith("C"):
                continue
            elif _is_cjk(cp):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        text = "".join(out).lower()
        if not text.isascii():
            text = "".join(
                c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
            )
        return text

    @staticmethod
    def pre_tokenise(text: str) -> list[str]:
        words: list[str] = []
        for chunk in text.split():
            if chunk.isalnum():
                words.append(chunk)
                continue
            cur: list[str] = []
            for ch in chunk:
                if _is_punct(ch):
                    if cur:
                        words.append("".join(cur))
                        cur = []
                    words.append(ch)
                else:
                    cur.append(ch)
            if cur:
                words.append("".join(cur))
        return words

    # ------------------------------------------------------------------ wordpiece
    def _word_pieces(self, word: str) -> tuple[int, ...]:
        if len(word) > self.max_chars_per_word:
            return (self.unk_id,)
        vocab = self.vocab
        ids: list[int] = []
        start = 0
        n = len(word)
        while start < n:
            end = n
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk_id,)
            ids.append(found)
            start = end
        return tuple(ids)

    def words(self, text: str) -> list[tuple[str, tuple[int, ...]]]:
        """Pre-tokenised words of ``text`` with their piece ids."""
        return [(w, self._pieces(w)) for w in self.pre_tokenise(self.normalise(text))]

    def encode_with_words(
        self, text: str, max_length: int = 128
    ) -> tuple[list[int], list[int], tuple[str, ...]]:
        """``encode`` plus, for every piece between [CLS] and [SEP], the index of the word
        it belongs to, and the words themselves (token vectors are read back per word)."""
        ids = [self.cls_id]
        word_ids: list[int] = []
        words = self.words(text)
        for w, (_, pieces) in enumerate(words):
            ids.extend(pieces)
            word_ids.extend([w] * len(pieces))
        del ids[max_length - 1 :]
        ids.append(self.sep_id)
        return ids, word_ids[: len(ids) - 2], tuple(w for w, _ in words)

    def encode(self, text: str, max_length: int = 128) -> list[int]:
        ids = [self.cls_id]
        for w in self.pre_tokenise(self.normalise(text)):
            ids.extend(self._pieces(w))
        del ids[max_length - 1 :]
        ids.append(self.sep_id)
        return ids
