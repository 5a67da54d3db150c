"""Release check: what a school installs — the built sdist and wheel, without extras — serves every lesson.

    python tools/release_check.py [--only wheel] [--keep]

Builds the sdist and the wheel (``python -m build``), installs each into a clean venv of its own
with no extras, and from a folder outside the checkout (a fresh HOME, no
PYTHONPATH) checks them, opening pages in headless Chromium (Playwright from the running Python,
against the server of the clean venv):

- the wheel in full: ``netkit validate`` and ``netkit serve`` of the shipped lessons — the
  catalogue lists every lesson; every lesson shows each component its notebook calls
  (``lesson.quiz(`` → a quiz card, …), no problem card and no error output; one answer is given
  and found in the SQLite store of the clean install; the teacher's page, opened with the
  passcode, lists every lesson's answers; ``netkit results list`` does too. Then ``netkit init
  DIR``: every file it copied is byte for byte the installed kit's (so the folder holds the lessons
  just walked), ``netkit validate DIR`` reads every content file from it, and ``netkit serve DIR``
  lists every lesson and serves the lesson with the most kinds of component, reading its content
  from DIR, with the answer in the store and on the teacher's page.
- the sdist: pip builds and installs from it exactly the files the wheel installed (the same
  paths with the same hashes, from each venv's RECORD), so the walk above holds for it too;
  ``netkit validate`` passes, and ``netkit serve`` lists every lesson and serves one lesson as above.

Every failure is one line naming the install, the lesson and what was missing; the exit status is
1 when there is any. CI runs it before the test suite (``.ci/run``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("NETKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSCODE = "release-check-7"
WIDGET_MS = 180_000  # a lesson page and its first widget on a loaded 2-core machine
PART_MS = 90_000  # each further component, once the first is there

# What each call a lesson notebook makes puts on the page (the root element of its component): the
# registry's ``root`` of each component (kit/components.py imports nothing but the standard library).
sys.path.insert(0, str(REPO))
from kit.components import COMPONENTS  # noqa: E402

SHOWS = {method: component.root for method, component in COMPONENTS.items() if component.root}
ERROR_OUTPUTS = (".nk-cell-problem, [data-mime-type='application/vnd.jupyter.stderr'],"  # a failing cell's card (kit/serve/errors.py)
                 " [data-mime-type='application/vnd.jupyter.error'], .jp-OutputArea-output.jp-mod-error, .voila-error")


class Check:
    """Failures collected across the whole run, each one line."""

    def __init__(self):
        self.failures: list[str] = []

    def fail(self, where: str, what: str) -> None:
        line = f"{where}: {what}"
        self.failures.append(line)
        print("  ✗ " + line, flush=True)


def run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)


def build(dist: Path) -> tuple[Path, Path]:
    """The sdist and the wheel of the checkout, built as a release is."""
    proc = run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", dist, REPO])
    if proc.returncode:
        raise SystemExit("python -m build failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:])
    return next(dist.glob("*.tar.gz")), next(dist.glob("*.whl"))


def clean_env(venv: Path, home: Path) -> dict[str, str]:
    """The environment of a teacher who just installed the kit: nothing from this checkout or its venv."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "JUPYTER", "NETKIT_", "XDG_", "PIP_REQUIRE"))}
    env.update(HOME=str(home), PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", LANG="C.UTF-8")
    return env


def install(artifact: Path, venv: Path) -> None:
    """A fresh venv with ``artifact`` installed, no extras (pip's cache keeps repeated runs quick)."""
    started = time.monotonic()
    proc = run([sys.executable, "-m", "venv", "--clear", venv])
    if proc.returncode:
        raise SystemExit(f"python -m venv {venv} failed: {proc.stderr}")
    proc = run([venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-compile", artifact])
    if proc.returncode:
        raise SystemExit(f"pip install {artifact.name} failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    print(f"installed {artifact.name} without extras in {time.monotonic() - started:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(venv: Path, env: dict, cwd: Path, folder: str | None, log: Path):
    """``netkit serve [folder]`` of the clean venv on a free loopback port; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    cmd = [venv / "bin" / "netkit", "serve", *([folder] if folder else []), "--host", "127.0.0.1",
           "--port", port, "--teacher-passcode", PASSCODE]
    with open(log, "w") as out:
        proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            started = time.monotonic()
            deadline = started + 90
            while True:
                try:
                    with urllib.request.urlopen(url, timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"netkit serve did not start ({' '.join(map(str, cmd))}):\n{log.read_text()[-3000:]}")
                time.sleep(0.3)
            print(f"  netkit serve {folder or ''} answered in {time.monotonic() - started:.1f} s", flush=True)
            yield url
        finally:
            stopping = time.monotonic()
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            print(f"  netkit serve {folder or ''} stopped in {time.monotonic() - stopping:.1f} s", flush=True)


def lessons_of(folder: Path) -> dict[str, tuple[str, str, list[str]]]:
    """Every lesson notebook under ``folder``: relative path → (lesson id, title, the ``lesson.X(`` calls it makes)."""
    found = {}
    for nb in sorted(folder.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts or nb.relative_to(folder).parts[0] == "teacher":
            continue
        doc = json.loads(nb.read_text("utf-8"))
        code = "\n".join("".join(c["source"]) for c in doc["cells"] if c["cell_type"] == "code")
        calls = sorted(set(re.findall(r"\blesson\.(\w+)\(", code)))
        meta = doc["metadata"].get("netkit", {})
        found[nb.relative_to(folder).as_posix()] = (meta.get("id", nb.stem), meta.get("title_ja", ""), calls)
    return found


# Where a student first answers: the first quiz card, or (a lesson without a quiz, such as a booster) the first post
# of the discernment feed. What to wait for before answering, by the call that draws it.
ANSWERABLE = (("quiz", ".nk-quiz-card legend"), ("discernment", ".nk-dc button.nk-dc-believe"))


def first_answerable(calls: list[str]) -> tuple[str, str]:
    """The call a student answers first on this page and the element that shows it is ready."""
    return next(((call, ready) for call, ready in ANSWERABLE if call in calls), ANSWERABLE[0])


def answer_first(page, call: str) -> None:
    """Answer once, as a student would, and wait until the page shows the answer was taken."""
    if call == "discernment":
        feed = page.locator(".nk-dc").first
        feed.locator("button.nk-dc-believe").first.click()
        feed.locator(".nk-dc-chosen").first.wait_for(timeout=PART_MS)
        return
    answer_first_card(page)


def answer_first_card(page) -> None:
    card = page.locator(".nk-quiz-card").first
    if card.locator(".nk-order").count():
        card.locator(".nk-move:not([disabled])").first.click()
    else:
        card.locator("label.nk-choice").first.click()
    card.locator("button.nk-submit").click()
    card.locator(".nk-feedback .nk-verdict").wait_for(timeout=PART_MS)


def stored(db: Path, class_code: str, student: str) -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM answers WHERE class_code=? AND student=?", (class_code, student)).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


def visit_lesson(browser, url: str, rel: str, calls: list[str], class_code: str, student: str, db: Path) -> list[str]:
    """Open one lesson as a student: what is wrong with it (empty when every component is there and the answer stored)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    problems: list[str] = []
    context = browser.new_context(locale="ja-JP", viewport={"width": 1024, "height": 768})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_navigation_timeout(WIDGET_MS)
    broken = page.get_by_text("Error displaying widget")
    try:
        page.goto(f"{url}voila/render/{rel}?class={class_code}&name={student}")
        answerable, ready = first_answerable(calls)
        try:
            page.locator(ready).first.wait_for(timeout=WIDGET_MS)
        except PlaywrightTimeout:
            return [f"no {answerable} to answer within {WIDGET_MS // 1000} s (page text: {page.inner_text('body')[:200]!r})"]
        for call in calls:
            selector = SHOWS.get(call)
            if selector is None:
                problems.append(f"the release check does not know what lesson.{call}(…) shows; give its Component line in kit/components.py a root=")
                continue
            try:
                if not broken.count():
                    page.locator(selector).first.wait_for(state="attached", timeout=PART_MS)
            except PlaywrightTimeout:
                pass
            if not page.locator(selector).count():
                problems.append(f"lesson.{call}(…) shows nothing ({selector} missing)")
        if not page.locator("body.nk-light").count():  # the default page of a kit lesson (kit/serve/light.py)
            problems.append("Voilà's JupyterLab page instead of the light page (body.nk-light missing)")
        if broken.count():
            problems.append(f"{broken.count()} widgets say 'Error displaying widget' (their models never reached the page)")
        if page.locator(".nk-problem").count():
            problems.append(f"a problem card: {page.locator('.nk-problem').first.inner_text()[:300]!r}")
        if page.locator(ERROR_OUTPUTS).count():
            problems.append(f"an error output: {page.locator(ERROR_OUTPUTS).first.inner_text()[:300]!r}")
        if "Traceback" in page.content():
            problems.append("a traceback on the page")
        try:
            answer_first(page, answerable)
        except PlaywrightTimeout:
            return [*problems, f"the first {answerable} gave no feedback to an answer"]
        deadline = time.monotonic() + 10
        while not stored(db, class_code, student) and time.monotonic() < deadline:
            time.sleep(0.2)
        if not stored(db, class_code, student):
            problems.append(f"the answer is not in the store {db}")
        if errors:
            problems.append(f"an error in the page's scripts: {errors[0][:300]}")
        return problems
    finally:
        context.close()


def check_lesson(check: Check, browser, url: str, where: str, rel: str, calls: list[str], class_code: str,
                 student: str, db: Path) -> bool:
    """One lesson as a student meets it: every component there, nothing broken, one answer stored.

    A lesson with a problem is opened once more, as a student would reload it: on a loaded machine
    the widget manager gives up on a kernel slow to answer (ipywidgets waits 4 s for the widgets'
    state), which is said as a warning; what is still wrong the second time is a failure.
    """
    name = f"{where} {rel}"
    first = visit_lesson(browser, url, rel, calls, class_code, student, db)
    if not first:
        return True
    second = visit_lesson(browser, url, rel, calls, class_code, student + "b", db)
    if not second:
        print(f"  ! {name}: fine after one reload; the first time: {'; '.join(first)}", flush=True)
        return True
    for problem in second:
        check.fail(name, problem)
    return False


def check_teacher(check: Check, browser, url: str, where: str, class_code: str, lesson_ids: list[tuple[str, str]]) -> None:
    """The teacher's page opens with the passcode and lists every lesson that was answered."""
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(url + "teacher/")
        page.fill("input[name=passcode]", PASSCODE)
        page.locator("form button[type=submit]").click()
        page.wait_for_load_state()
        if page.locator("input[name=passcode]").count():
            check.fail(f"{where} teacher page", "the passcode did not open it")
            return
        rows = page.evaluate("() => [...document.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))")
        listed = " | ".join(r[1] for r in rows if len(r) > 1 and r[0] == class_code)  # a lesson shows as its title (and id)
        for lesson_id, title in lesson_ids:
            if lesson_id not in listed and (not title or title not in listed):
                check.fail(f"{where} teacher page", f"no answers listed for class {class_code}, lesson {lesson_id}")
        # served on 127.0.0.1: no QR code a student's device could not open, and the command that serves the class
        if page.locator(".nk-student-link svg").count():
            check.fail(f"{where} teacher page", "a QR code of a link only this computer can open")
        if "netkit serve" not in "".join(page.locator(".nk-link-problem").all_inner_texts()):
            check.fail(f"{where} teacher page", "no sentence saying how to serve the class")
    finally:
        context.close()


def check_site(check: Check, browser, url: str, where: str, lessons: Path, class_code: str, db: Path,
               walk: list[str] | None = None) -> list[tuple[str, str]]:
    """The catalogue (every lesson listed), each lesson of ``walk`` (default: every one) and the teacher's
    page of one running server; returns the lesson ids answered."""
    found = lessons_of(lessons)
    if not found:
        check.fail(where, f"no lessons in {lessons}")
        return []
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    page.goto(url)
    for rel in found:
        if page.locator(f'a.nk-lesson[href$="{rel}"]').count() != 1:
            check.fail(f"{where} catalogue", f"{rel} is not listed")
    context.close()
    ids = []
    for n, rel in enumerate(walk if walk is not None else found, 1):
        lesson_id, title, calls = found[rel]
        started = time.monotonic()
        if check_lesson(check, browser, url, where, rel, calls, class_code, f"r{n}", db):
            ids.append((lesson_id, title))
        print(f"  {where} {rel}: {time.monotonic() - started:.1f} s", flush=True)
    check_teacher(check, browser, url, where, class_code, ids)
    return ids


def richest(lessons: Path) -> str:
    """The lesson that calls the most kinds of component: the one page a lighter check opens."""
    found = lessons_of(lessons)
    return max(sorted(found), key=lambda rel: len(found[rel][2]))


def content_files(root: Path) -> dict[str, Path]:
    """Every lesson and content file under ``root`` (``lessons/…``, ``datasets/…``), as ``netkit init`` copies them."""
    found = {}
    for folder in ("lessons", "datasets"):
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and not {".ipynb_checkpoints", "__pycache__"} & set(rel.parts) and not path.name.startswith("."):
                found[rel.as_posix()] = path
    return found


def same_content(check: Check, where: str, copy: Path, bundled: Path) -> None:
    """``copy`` (a folder made by ``netkit init``) holds exactly the installed kit's lessons and content files, byte for byte."""
    mine, kits = content_files(copy), content_files(bundled)
    for rel in sorted(set(kits) - set(mine)):
        check.fail(where, f"{rel} of the installed kit was not copied")
    for rel in sorted(set(mine) - set(kits)):
        check.fail(where, f"{rel} is not a file of the installed kit")
    for rel in sorted(set(mine) & set(kits)):
        if mine[rel].read_bytes() != kits[rel].read_bytes():
            check.fail(where, f"{rel} differs from the installed kit's")


def installed_files(venv: Path) -> dict[str, str]:
    """What pip installed of the kit into ``venv``: each path → its hash, from the dist-info's RECORD.

    Left out are what pip writes differently for every install: the record itself, INSTALLER,
    REQUESTED, direct_url.json, and the hash of a console script (its first line names the venv's Python).
    """
    records = sorted(venv.glob("lib/*/site-packages/net_literacy_kit-*.dist-info/RECORD"))
    if len(records) != 1:
        return {}
    files = {}
    for line in records[0].read_text("utf-8").splitlines():
        path, digest, _size = line.rsplit(",", 2)
        name = path.rsplit("/", 1)[-1]
        if ".dist-info/" in path and name in {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}:
            continue
        files[path] = "" if path.startswith("../../../bin/") else digest
    return files


def same_install(check: Check, where: str, venv: Path, wheel_venv: Path) -> None:
    """``venv`` holds exactly the files the wheel installed, each with the same hash."""
    mine, wheels = installed_files(venv), installed_files(wheel_venv)
    if not mine or not wheels:
        check.fail(where, f"no RECORD of net-literacy-kit in {venv if not mine else wheel_venv}")
        return
    for path in sorted(set(wheels) - set(mine)):
        check.fail(where, f"{path} is installed from the wheel but not from the sdist")
    for path in sorted(set(mine) - set(wheels)):
        check.fail(where, f"{path} is installed from the sdist but not from the wheel")
    for path in sorted(p for p in set(mine) & set(wheels) if mine[p] != wheels[p]):
        check.fail(where, f"{path} differs between the sdist's and the wheel's install")


def cli(check: Check, venv: Path, env: dict, cwd: Path, where: str, *args, expect: tuple[str, ...] = ()) -> str:
    started = time.monotonic()
    proc = run([venv / "bin" / "netkit", *args], cwd=cwd, env=env, timeout=300)
    shown = " ".join(map(str, args))
    print(f"  {where}: netkit {shown} in {time.monotonic() - started:.1f} s", flush=True)
    if proc.returncode:
        check.fail(where, f"netkit {shown} exited {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-500:]}")
    if "Traceback" in proc.stderr:
        check.fail(where, f"netkit {shown} printed a traceback: {proc.stderr.strip()[-500:]}")
    for text in expect:
        if text not in proc.stdout:
            check.fail(where, f"netkit {shown} did not print {text!r}")
    return proc.stdout


def check_installed(check: Check, kind: str, venv: Path, work: Path, wheel_venv: Path | None) -> None:
    """From a folder outside the checkout: the wheel's full check, or (with ``wheel_venv``) the sdist's lighter one."""
    from playwright.sync_api import sync_playwright

    home, site = work / f"home-{kind}", work / f"school-{kind}"
    for folder in (home, site):
        folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            if wheel_venv is None:
                check_wheel(check, browser, kind, venv, home, site, work)
            else:
                check_sdist(check, browser, kind, venv, home, site, work, wheel_venv)
        finally:
            browser.close()


def probe(check: Check, kind: str, venv: Path, env: dict, site: Path) -> tuple[Path, Path] | None:
    """Where the clean install reads its lessons from and writes its answers to."""
    proc = run([venv / "bin" / "python", "-c",
                "from kit.content.paths import bundled_root; from kit.store import data_dir, DB_NAME;"
                "print(bundled_root()); print(data_dir() / DB_NAME)"], cwd=site, env=env)
    if proc.returncode:
        check.fail(kind, f"import kit failed in the clean venv: {proc.stderr.strip()[-500:]}")
        return None
    bundled, db = (Path(line) for line in proc.stdout.split())
    if REPO in bundled.parents:
        check.fail(kind, f"the installed kit reads its lessons from the checkout ({bundled})")
    return bundled, db


def check_wheel(check: Check, browser, kind: str, venv: Path, home: Path, site: Path, work: Path) -> None:
    """Validate and serve the shipped lessons, every one walked; then init, compare, validate, serve the folder."""
    env = clean_env(venv, home)
    found = probe(check, kind, venv, env, site)
    if found is None:
        return
    bundled, db = found
    cli(check, venv, env, site, f"{kind} (shipped lessons)", "validate", expect=("OK",))
    class_code = f"rc-{kind}"
    with served(venv, env, site, None, work / f"serve-{kind}.log") as url:
        ids = check_site(check, browser, url, f"{kind} (shipped lessons)", bundled / "lessons", class_code, db)
    listing = cli(check, venv, env, site, f"{kind} (shipped lessons)", "results", "list", expect=(class_code,))
    for lesson_id, _title in ids:
        if not re.search(rf"^{re.escape(class_code)}\t[^\t]*{re.escape(lesson_id)}", listing, re.M):
            check.fail(f"{kind} netkit results list", f"no answers of class {class_code}, lesson {lesson_id}")
    check_init(check, browser, kind, venv, env, site, work, bundled, db)


def check_init(check: Check, browser, kind: str, venv: Path, env: dict, site: Path, work: Path, bundled: Path, db: Path) -> None:
    """``netkit init myclass``: the installed lessons and content byte for byte, validated, one lesson served from it."""
    where = f"{kind} (netkit init myclass)"
    cli(check, venv, env, site, where, "init", "myclass")
    same_content(check, where, site / "myclass", bundled)
    cli(check, venv, env, site, where, "validate", "myclass", expect=("OK",))
    lessons = site / "myclass" / "lessons"
    with served(venv, env, site, "myclass", work / f"serve-{kind}-init.log") as url:
        check_site(check, browser, url, where, lessons, f"rc-{kind}-init", db, walk=[richest(lessons)])


def check_sdist(check: Check, browser, kind: str, venv: Path, home: Path, site: Path, work: Path, wheel_venv: Path) -> None:
    """The same files as the wheel's install; validate, and serve the catalogue and one lesson."""
    same_install(check, kind, venv, wheel_venv)
    env = clean_env(venv, home)
    found = probe(check, kind, venv, env, site)
    if found is None:
        return
    bundled, db = found
    cli(check, venv, env, site, kind, "validate", expect=("OK",))
    lessons = bundled / "lessons"
    with served(venv, env, site, None, work / f"serve-{kind}.log") as url:
        check_site(check, browser, url, kind, lessons, f"rc-{kind}", db, walk=[richest(lessons)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("wheel",), help="check the wheel only (not the sdist)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (venvs, logs) and print where")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"Chromium is missing at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 1
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="netkit-release-"))
    check = Check()
    try:
        sdist, wheel = build(work / "dist")
        print(f"built {sdist.name} and {wheel.name} in {time.monotonic() - started:.0f} s", flush=True)
        kinds = [("wheel", wheel)] + ([("sdist", sdist)] if args.only is None else [])
        # The installs run side by side (mostly waiting on pip), the served sites one after the other:
        # two servers and two browsers on a 2-core machine slowed kernels until widget state missed the
        # page manager's wait, which is a machine too busy, not a broken install.
        with ThreadPoolExecutor(len(kinds)) as pool:
            for done in [pool.submit(install, artifact, work / f"venv-{kind}") for kind, artifact in kinds]:
                done.result()
        for kind, _artifact in kinds:  # the wheel first: the sdist's install is compared with it
            check_installed(check, kind, work / f"venv-{kind}", work, None if kind == "wheel" else work / "venv-wheel")
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    took = time.monotonic() - started
    if check.failures:
        print(f"\nrelease check FAILED ({len(check.failures)} problems, {took:.0f} s):", file=sys.stderr)
        print("\n".join("  " + f for f in check.failures), file=sys.stderr)
        return 1
    print(f"release check passed in {took:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
