"""netkit print: guides and worksheets carry what a class needs, HTML is self-contained, PDFs embed the font."""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import shutil

import pytest

from kit.cli import main
from kit.content.quiz import QuestionType
from kit.printing.fonts import find_font
from kit.printing.lesson_info import lesson_info
from kit.printing.pages import _order_shown, guide_html, worksheet_html
from kit.printing.pdf import find_browser
from tests.conftest import REPO

LESSONS = sorted(json.loads(p.read_text("utf-8"))["metadata"]["netkit"]["id"] for p in (REPO / "lessons").rglob("*.ipynb"))


def info(lesson):
    return lesson_info(REPO / "lessons", REPO / "datasets", lesson)


def visible(block: str) -> str:
    """The text a reader sees in an HTML fragment, without furigana readings."""
    return re.sub(r"<rt>.*?</rt>|<rp>.*?</rp>|<[^>]+>", "", block)


def no_internet(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script" not in page and "@import" not in page


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_guide_holds_aims_timing_questions_answers_and_help(lesson):
    lesson_ = info(lesson)
    page = guide_html(lesson_, embed_font=False)
    no_internet(page)
    g = lesson_.guide
    assert g is not None, f"no guide for {lesson}"
    for aim in g.aims:
        assert aim.ja in page
    assert page.count('<td class="min">') == len(g.timing)
    core = [s for s in g.timing if not s.optional]
    assert f"{g.minutes - core[-1].minutes}–{g.minutes}分" in page  # the last core step ends when the lesson does
    assert page.count("省略可（") == len(g.timing) - len(core)  # optional steps print outside the period's clock
    for q in g.questions:
        assert q.ask.ja in page and q.answer.ja[:20] in page
    questions = [q for part in lesson_.quizzes for q in part.questions]
    posts = [p for part in lesson_.feeds for p in part.posts]
    assert questions or posts  # every lesson tests something: a quiz, a discernment feed, or both
    assert page.count("正解: ") == len(questions) + sum(len(lateral.tasks) for lateral in lesson_.laterals)
    for post in posts:  # each judged post with its truth and the clue that shows it
        assert post.reason.ja[:20] in page
    assert page.count('<span class="answer">本当</span>') == sum(p.truth for p in posts)
    if lesson_.meta["topic"] == "defamation":
        assert "困ったときの相談先" in page and "0570-003-110" in page


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_worksheet_asks_every_question_without_answers(lesson):
    lesson_ = info(lesson)
    page = worksheet_html(lesson_, embed_font=False)
    no_internet(page)
    questions = [q for part in lesson_.quizzes for q in part.questions]
    blocks = re.findall(r'<div class="q">.*?</div>', page, flags=re.S)
    assert len(blocks) == len(questions)
    for q, block in zip(questions, blocks, strict=True):
        assert q.text.ja.replace("\n", "")[:30] in visible(block)
        assert q.explanation.ja[:30] not in block  # no explanation, so no answer
        assert not [c for c in q.choices if c.feedback.ja and c.feedback.ja[:20] in block]
    assert "正解" not in page and "名前" in page and "気づいたこと" in page
    assert ("困ったときの相談先" in page) == lesson_.needs_help  # where the lesson shows help desks
    assert lesson_.needs_help or lesson_.meta["topic"] != "defamation"  # and always for online abuse


def test_order_questions_are_never_printed_in_the_right_order():
    for lesson in LESSONS:
        for part in info(lesson).quizzes:
            for q in part.questions:
                if q.type is QuestionType.ORDER:
                    assert tuple(_order_shown(q)) != q.answer
                    assert sorted(_order_shown(q)) == list(range(len(q.choices)))


def test_young_audiences_get_furigana_and_placeholders_a_notes_box(tmp_path):
    assert main(["init", str(tmp_path / "c")]) == 0
    rows = (REPO / "datasets/quizzes/piracy_basics.csv").read_text("utf-8-sig").splitlines()[:6]
    (tmp_path / "q.csv").write_text("\n".join(rows).replace("中学生", "小5-6") + "\n", "utf-8")
    assert main(["new", "lesson", "--topic", "piracy", "--audience", "小5-6", "--from", str(tmp_path / "q.csv"),
                 "--dir", str(tmp_path / "c"), "--id", "piracy-my-es56"]) == 0
    lesson_ = lesson_info(tmp_path / "c/lessons", tmp_path / "c/datasets", "piracy-my-es56")
    sheet = worksheet_html(lesson_, embed_font=False)
    assert "<ruby>" in sheet and "ここは先生が説明します" in sheet and "【先生へ】" not in sheet
    guide = guide_html(lesson_, embed_font=False)
    assert "placeholder" in guide  # the teacher is told the section still has to be written


def test_the_html_carries_a_japanese_font_subset(tmp_path, capsys):
    if find_font() is None:
        pytest.skip("no Japanese font on this computer")
    out = tmp_path / "sheet.html"
    assert main(["print", "worksheet", "misinformation-basics", "--to", "html", "--out", str(out), "--dir", str(REPO)]) == 0
    page = out.read_text("utf-8")
    no_internet(page)
    assert re.search(r"@font-face\{font-family:'NetkitJP';font-weight:400;.*src:url\(data:font/ttf;base64,", page)
    assert len(page) < 3_000_000  # a subset, not the whole font


def test_unknown_lessons_are_named(tmp_path, capsys):
    assert main(["print", "guide", "no-such", "--to", "html", "--out", str(tmp_path / "x.html"), "--dir", str(REPO)]) == 1
    assert "defamation-basics" in capsys.readouterr().err


@pytest.mark.skipif(find_browser() is None, reason="no Chromium to print with")
def test_pdfs_embed_the_japanese_font(tmp_path, capsys):
    pypdf = pytest.importorskip("pypdf")
    if find_font() is None:
        pytest.skip("no Japanese font on this computer")
    folder = tmp_path / "out"
    assert main(["print", "guide", "defamation-basics", "--to", "pdf", "--out", str(folder / "guide.pdf"), "--dir", str(REPO)]) == 0
    reader = pypdf.PdfReader(folder / "guide.pdf")
    assert len(reader.pages) >= 2
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font.get("/BaseFont"))] = [k for k in descriptor if k.startswith("/FontFile")]
    japanese = {name: files for name, files in fonts.items() if "CJK" in name or "JP" in name or "Goth" in name}
    assert japanese, fonts
    assert all(files for files in japanese.values()), fonts  # embedded, not referenced
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in japanese)  # as a subset
    text = "".join(page.extract_text() for page in reader.pages)
    assert "誹謗中傷" in text and "相談" in text  # real text, searchable, with the help desks
    shutil.rmtree(folder)


def test_a_font_cut_ahead_for_many_pages_serves_each_of_them(monkeypatch):
    from kit.printing import fonts

    if find_font() is None:
        pytest.skip("no Japanese font on this computer")
    cuts = []
    real = fonts.subset_font.__wrapped__
    monkeypatch.setattr(fonts, "subset_font", lambda path, chars: cuts.append(chars) or real(path, chars))
    monkeypatch.setattr(fonts, "_prepared", [])
    fonts.prepare("誹謗中傷の相談窓口" + "偽情報の拡散")
    made = len(cuts)
    assert made >= 1
    assert fonts.font_face_css("相談窓口") == fonts.font_face_css("偽情報") != ""
    assert len(cuts) == made  # both pages took the prepared cut
    fonts.font_face_css("海賊版")  # characters outside it: cut anew
    assert len(cuts) > made


@pytest.mark.skipif(find_browser() is None, reason="no Chromium to print with")
def test_every_lesson_printed_at_once_gets_its_own_pdf(tmp_path, capsys):
    pypdf = pytest.importorskip("pypdf")
    folder = tmp_path / "all"
    assert main(["print", "worksheet", "--all", "--to", "pdf", "--out", str(folder), "--dir", str(REPO)]) == 0
    written = sorted(folder.glob("*.pdf"))
    assert [p.name for p in written] == sorted(f"{lesson}-worksheet.pdf" for lesson in LESSONS)
    for pdf in written[:3]:
        text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).replace("\n", "")
        meta = info(pdf.name[: -len("-worksheet.pdf")]).meta
        assert meta["title_ja"][:4] in text, pdf.name


def test_the_answer_key_labels_an_order_question_as_the_worksheet_does():
    checked = 0
    for lesson in LESSONS:
        lesson_ = info(lesson)
        orders = [q for part in lesson_.quizzes for q in part.questions if q.type is QuestionType.ORDER]
        if not orders:
            continue
        sheet, key = worksheet_html(lesson_, embed_font=False), guide_html(lesson_, embed_font=False)
        for q in orders:
            on_sheet = {}  # choice text → the label the worksheet gives it
            for label, text in re.findall(r"<li>([アイウエオカ])\. (.*?)</li>", sheet):
                on_sheet[visible(text)] = label
            expected = " → ".join(f"{on_sheet[visible(q.choices[i].text.ja)]}. " for i in q.answer)
            line = re.search(r"正解: ([^<]*→[^<]*)</span>", key.split(q.text.ja[:20], 1)[1]).group(1)
            assert [part.split(".")[0] for part in line.split(" → ")] == [p.split(".")[0] for p in expected.split(" → ")]
            checked += 1
    assert checked


def test_a_cut_font_is_kept_on_disk_until_the_font_file_changes(tmp_path, monkeypatch):
    from kit.printing import fonts

    monkeypatch.setenv("NETKIT_CACHE_DIR", str(tmp_path / "cache"))
    font = tmp_path / "font.ttf"
    font.write_bytes(b"a font")
    cuts = []
    monkeypatch.setattr(fonts, "_cut", lambda path, chars: cuts.append(chars) or b"\x00\x01\x00\x00" + chars.encode())
    cut = fonts.subset_font.__wrapped__  # past the in-memory cache: as a second process would
    assert cut(str(font), "相談") == b"\x00\x01\x00\x00" + "相談".encode()
    assert cut(str(font), "相談") == b"\x00\x01\x00\x00" + "相談".encode()
    assert cuts == ["相談"]  # the second came from disk
    assert [p.suffix for p in (tmp_path / "cache/fonts").iterdir()] == [".ttf"]  # no temporary file left
    cut(str(font), "窓口")
    assert cuts == ["相談", "窓口"]  # other characters: cut anew
    os.utime(font, ns=(1, 1))
    cut(str(font), "相談")
    assert cuts == ["相談", "窓口", "相談"]  # the font file changed: cut anew
    fonts._cache_file(str(font), "相談").write_bytes(b"")  # a damaged file is not used
    cut(str(font), "相談")
    assert len(cuts) == 4
    for chars in "相談窓":
        cut(str(font), chars)
    monkeypatch.setattr(fonts, "KEEP", 3)
    cut(str(font), "誹謗")
    assert len(list((tmp_path / "cache/fonts").iterdir())) == 3


GAME_LESSONS = [lesson for lesson in LESSONS if info(lesson).games]


def test_the_game_lesson_s_worksheet_lists_every_technique_of_its_game_file():
    from kit.content.manipulator import load_game

    assert "misinformation-game" in GAME_LESSONS
    lesson_ = info("misinformation-game")
    game = load_game(REPO / "datasets/games/manipulator.yaml")
    assert lesson_.games == (game,)
    for lang in ("ja", "en"):
        page = worksheet_html(lesson_, lang=lang, embed_font=False)
        table = re.search(r'<table class="game">.*?</table>', page, flags=re.S).group(0)
        rows = [row for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S) if "<td" in row]
        assert len(rows) == len(game.stages) >= 1
        for stage, row in zip(game.stages, rows, strict=True):
            text = html.unescape(visible(row))
            assert stage.technique.get(lang) in text and stage.explain.get(lang)[:20] in text
            assert all(tip.get(lang)[:20] in text for tip in stage.spot)
            assert row.endswith('<td class="example"></td></tr>')  # the student's own example
    assert "見やぶり方" in worksheet_html(lesson_, embed_font=False)
    young = dataclasses.replace(lesson_, guide=dataclasses.replace(lesson_.guide, audience="小5-6"))
    table = re.search(r'<table class="game">.*?</table>', worksheet_html(young, embed_font=False), flags=re.S).group(0)
    assert "<ruby>" in table and all(stage.technique.ja in visible(table) for stage in game.stages)  # furigana as the rest


def test_editing_the_game_file_changes_the_worksheet_table(tmp_path):
    shutil.copytree(REPO / "lessons", tmp_path / "lessons")
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    game = tmp_path / "datasets/games/manipulator.yaml"
    source = game.read_text("utf-8")
    assert "technique_ja: 陰謀論\n" in source and "technique_en: Conspiracy theories\n" in source
    game.write_text(source.replace("technique_ja: 陰謀論\n", "technique_ja: 黒幕のうわさ\n")
                    .replace("technique_en: Conspiracy theories\n", "technique_en: Hidden-hand rumours\n"), "utf-8")
    lesson_ = lesson_info(tmp_path / "lessons", tmp_path / "datasets", "misinformation-game")
    ja, en = (worksheet_html(lesson_, lang=lang, embed_font=False) for lang in ("ja", "en"))
    assert "黒幕のうわさ" in visible(ja) and "陰謀論</th>" not in ja
    assert "Hidden-hand rumours" in en and "Conspiracy theories</th>" not in en


@pytest.mark.parametrize("lesson", [lesson for lesson in LESSONS if lesson not in GAME_LESSONS][:3])
def test_a_lesson_without_the_game_has_no_technique_table(lesson):
    page = worksheet_html(info(lesson), embed_font=False)
    assert '<table class="game">' not in page and "ゲームの手口" not in page


def test_a_lateral_reading_lesson_s_worksheet_records_each_task_it_shows_and_its_guide_holds_the_key():
    from kit.content.lateral import load_lateral

    laterals = {lesson: lesson_.laterals for lesson in LESSONS if (lesson_ := info(lesson)).laterals}
    assert {lesson: [t.id for t in lat.tasks] for lesson, (lat,) in laterals.items()} == {
        "misinformation-hs": ["supplement", "water"], "misinformation-jh": ["uniform", "water"]}  # the notebooks' tasks=
    lesson_ = info("misinformation-jh")
    (lateral,) = lesson_.laterals
    assert lateral.tasks == load_lateral(REPO / "datasets/lateral/who_is_behind.yaml").select(["uniform", "water"]).tasks
    for lang in ("ja", "en"):
        sheet = worksheet_html(lesson_, lang=lang, embed_font=False)
        table = re.search(r'<table class="lateral">.*?</table>', sheet, flags=re.S).group(0)
        rows = [row for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S) if "<td" in row]
        assert len(rows) == len(lateral.tasks) == 2
        for task, row in zip(lateral.tasks, rows, strict=True):
            assert task.handle in row and task.text.get(lang)[:20] in html.unescape(visible(row))
            assert row.endswith("<td></td><td></td><td></td></tr>")  # what the student finds out
        for task in lateral.tasks:  # no answer on the student's paper
            assert task.behind.get(lang)[:20] not in html.unescape(sheet)
            assert all(o.feedback.get(lang)[:20] not in html.unescape(sheet) for o in task.options)
        key = html.unescape(guide_html(lesson_, lang=lang, embed_font=False))
        for task in lateral.tasks:
            assert task.options[task.option_index(task.answer)].text.get(lang) in key and task.behind.get(lang) in key
    assert "だれが発信している？" in worksheet_html(lesson_, embed_font=False)


def test_a_lesson_without_lateral_reading_has_no_record_table_or_key():
    lesson_ = info("misinformation-es56")
    assert lesson_.laterals == ()
    assert '<table class="lateral">' not in worksheet_html(lesson_, embed_font=False)
    assert "横読みの答え" not in guide_html(lesson_, embed_font=False)


@pytest.mark.skipif(find_browser() is None, reason="no Chromium to print with")
def test_the_game_worksheet_pdf_carries_the_technique_names(tmp_path, capsys):
    from kit.content.manipulator import load_game

    pypdf = pytest.importorskip("pypdf")
    if find_font() is None:
        pytest.skip("no Japanese font on this computer")
    out = tmp_path / "sheet.pdf"
    assert main(["print", "worksheet", "misinformation-game", "--to", "pdf", "--out", str(out), "--dir", str(REPO)]) == 0
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages).replace("\n", "")
    for stage in load_game(REPO / "datasets/games/manipulator.yaml").stages:
        assert stage.technique.ja in text, stage.id
