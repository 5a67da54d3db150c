"""A Japanese font inside the page: the characters a page uses, cut from a font on this computer.

Printed pages must look the same on any PC and work with no internet, so the HTML carries its own
font: ``font_face_css`` finds a Japanese font (``NETKIT_PRINT_FONT``, then fontconfig, then the
usual places on Linux, Windows and macOS), keeps only the characters of the page (fontTools'
subsetter; a guide needs a few hundred kilobytes, not the whole 16 MB) and returns ``@font-face``
rules with the font as base64 data. Chromium then embeds the same font in the PDF.

Most Japanese system fonts (Noto Sans CJK, Hiragino) have PostScript (CFF) outlines, which
Chromium's PDF writer turns into Type 3 glyph drawings; the subset is therefore converted to
TrueType outlines first, so the PDF carries a real embedded font (CIDFontType2 with FontFile2)
that every viewer and printer renders and searches properly.

Cutting and converting take seconds per weight, so each result is kept on disk in the user's cache
folder (``$NETKIT_CACHE_DIR`` or platformdirs' ``net-literacy-kit``), under a name made from the
font file's path, size and modification time, the characters and this file's code: a teacher who prints the same
guide twice waits once, and a changed font file is cut anew. A cache that cannot be read or written
only costs the time.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

FAMILY = "NetkitJP"
KNOWN = {
    "regular": [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "C:/Windows/Fonts/YuGothM.ttc", "C:/Windows/Fonts/meiryo.ttc", "C:/Windows/Fonts/msgothic.ttc",
        "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    ],
    "bold": [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
        "C:/Windows/Fonts/YuGothB.ttc", "C:/Windows/Fonts/meiryob.ttc",
        "/System/Library/Fonts/ヒラギノ角ゴシック W6.ttc",
    ],
}


def find_font(weight: str = "regular") -> Path | None:
    """A Japanese font file on this computer for ``weight`` ("regular" or "bold"), or None."""
    env = os.environ.get("NETKIT_PRINT_FONT_BOLD" if weight == "bold" else "NETKIT_PRINT_FONT")
    if env and Path(env).is_file():
        return Path(env)
    for candidate in KNOWN[weight]:
        if Path(candidate).is_file():
            return Path(candidate)
    if shutil.which("fc-match"):
        pattern = ":lang=ja" + (":weight=bold" if weight == "bold" else "")
        try:
            found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and Path(found).is_file() and Path(found).suffix.lower() in (".ttf", ".otf", ".ttc"):
            return Path(found)
    return None


def _open(path: Path):
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() == ".ttc":
        faces = TTCollection(str(path), lazy=True).fonts
        for face in faces:
            family = face["name"].getDebugName(1) or ""
            if "JP" in family or "Japanese" in family:
                return face
        return faces[0]
    return TTFont(str(path), lazy=True)


ENV_CACHE_DIR = "NETKIT_CACHE_DIR"
# this file's own text is part of every cache key: a change to the cut or the conversion cuts anew
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def cache_dir() -> Path:
    """Where cut fonts are kept: ``$NETKIT_CACHE_DIR/fonts`` or the platform's user cache folder."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env) / "fonts"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("net-literacy-kit", appauthor=False)) / "fonts"


def _cache_file(path: str, characters: str) -> Path | None:
    try:
        stat = os.stat(path)
        import fontTools
    except (OSError, ImportError):
        return None
    key = "\0".join([_CODE, fontTools.version, os.path.abspath(path), str(stat.st_size),
                      str(stat.st_mtime_ns), characters])
    return cache_dir() / (hashlib.sha256(key.encode("utf-8")).hexdigest() + ".ttf")


@lru_cache(maxsize=16)
def subset_font(path: str, characters: str) -> bytes:
    """The font at ``path`` cut down to ``characters`` (plus digits, kana and ASCII), as OpenType.

    Kept in ``cache_dir()``: written to a temporary file and renamed into place, so two processes
    printing at once each find a whole file or none.
    """
    cached = _cache_file(path, characters)
    if cached is not None:
        try:
            data = cached.read_bytes()
            if data[:4] == b"\x00\x01\x00\x00" or data[:4] == b"OTTO":
                return data
        except OSError:
            pass
    data = _cut(path, characters)
    if cached is not None:
        tmp = cached.with_name(f"{cached.stem}.{os.getpid()}.tmp")
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, cached)
            _prune(cached.parent)
        except OSError:
            tmp.unlink(missing_ok=True)
    return data


KEEP = 48  # cut fonts kept in the cache; older ones (lessons since edited) are removed


def _prune(folder: Path) -> None:
    kept = sorted(folder.glob("*.ttf"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)


def _cut(path: str, characters: str) -> bytes:
    from fontTools import subset

    font = _open(Path(path))
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    options.drop_tables += ["DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in characters})
    subsetter.subset(font)
    if "CFF " in font:
        _to_truetype(font)
    out = io.BytesIO()
    font.flavor = None
    font.save(out)
    return out.getvalue()


def _to_truetype(font) -> None:
    """Replace the font's cubic (CFF) outlines with quadratic TrueType ones, in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 3.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "。、・ー「」（）○×□→"
_prepared: list[tuple[frozenset[str], str]] = []  # subsets made ahead for many pages (see prepare)


def prepare(text: str) -> None:
    """Cut the font once for every page to come: ``text`` is all of their texts together.

    Cutting takes a second or two per page, mostly opening the font and converting outlines;
    printing every lesson's guide (``--all``) then cuts once instead of once per lesson. Chromium
    keeps only the glyphs a page uses when it writes the PDF, so the PDFs stay as small.
    """
    characters = _characters(text)
    _prepared.append((frozenset(characters), _rules(characters)))


def _characters(text: str) -> str:
    return "".join(sorted(set(text) | set(ALWAYS)))


def font_face_css(text: str) -> str:
    """``@font-face`` rules carrying the characters of ``text`` in a Japanese font ("" if none found)."""
    characters = _characters(text)
    for covered, rules in _prepared:
        if covered.issuperset(characters):
            return rules
    return _rules(characters)


def _rules(characters: str) -> str:
    try:
        import fontTools  # noqa: F401 - the print extra
    except ImportError:
        return ""
    rules = []
    for weight, css_weight in (("regular", 400), ("bold", 700)):
        path = find_font(weight)
        if path is None:
            continue
        data = base64.b64encode(subset_font(str(path), characters)).decode("ascii")
        rules.append(f"@font-face{{font-family:'{FAMILY}';font-weight:{css_weight};font-style:normal;"
                     f"src:url(data:font/ttf;base64,{data}) format('truetype');}}")
    return "\n".join(rules)
