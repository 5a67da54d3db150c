"""The teacher's pages: a passcode login, the class results dashboard, and exports.

Everything is rendered on the server from the results store (no kernel starts) with Jinja's
autoescaping, so a nickname such as ``<script>`` shows as text. Only a browser in a live teacher's
session (``teacher_auth``) gets past ``TeacherPage.prepare``; logging out and making a new
passcode are form posts carrying the page's xsrf value.

Behind JupyterHub (``netkit serve --hub``, ``hub.py``) the hub's sign-in replaces the passcode: a
teacher makes a class theirs (``ClaimHandler``) and sees, reports and exports only their own
classes; a hub admin sees every class with its teacher.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import tornado.web
from voila.handler import BaseVoilaHandler

from kit.serve import teacher_auth
from kit.serve.hub import PASSCODE_TEACHER, Teacher
from kit.text.ui import labels


def student_link_view(student_url: str, problem: str, link_class: str, lang: str, with_qr: bool = True) -> dict:
    """What the teacher's page shows for the students' link: the link and QR codes, or only this computer's link.

    ``student_url`` and ``problem`` are ``kit.serve.banner.StudentLinks.best`` and ``.problem``. A server that
    listens on a loopback address alone (``problem == "loopback"``) has no link for students: no QR code a
    device could not open, only ``local_url`` for the teacher to try the lessons on this computer and
    ``local_host`` to name in the sentence that says how to serve the class.
    """
    with_class = f"?class={quote(link_class)}" if student_url and link_class else ""
    view = {"student_url": "", "student_qr": "", "check_url": "", "check_qr": "", "local_url": "", "local_host": ""}
    if problem == "loopback":
        from urllib.parse import urlsplit

        view.update(local_url=student_url + with_class if student_url else "",
                    local_host=urlsplit(student_url).hostname or "127.0.0.1")
        return view
    view["student_url"] = student_url + with_class
    if view["student_url"] and with_qr:
        from kit.serve.qr import qr_svg

        view["student_qr"] = qr_svg(view["student_url"], labels(lang)["student_link"])
        view["check_url"] = student_url + "check"  # kit/serve/check.py, opened on a student's device
        view["check_qr"] = qr_svg(view["check_url"], labels(lang)["check_link"])
    return view


class TeacherPage(BaseVoilaHandler):
    """Base of the teacher's pages: the passcode guard, the store and the language."""

    def initialize(self, guard: teacher_auth.Guard, data_dir: str, datasets: str, student_url: str = "",
                   student_link_problem: str = "", root: str = "", student_class: str = "", **kwargs):
        super().initialize(**kwargs)
        self.student_url = student_url
        self.student_link_problem = student_link_problem
        self.student_class = student_class
        self.root = Path(root) if root else None
        self.guard = guard
        self.data_dir = Path(data_dir)
        self.datasets = Path(datasets)

    @property
    def lang(self) -> str:
        return "en" if self.get_argument("lang", "ja") == "en" else "ja"

    teacher: Teacher | None = None

    @property
    def hub(self):
        """The hub's sign-in (``hub.HubTeachers``) when serving behind JupyterHub, else None."""
        return self.settings.get("netkit_hub")

    async def prepare(self):
        await super().prepare()
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Referrer-Policy", "same-origin")  # "no-referrer" makes form posts Origin: null, which Jupyter refuses
        if self.hub is not None:
            self.teacher = await self.hub.teacher(self)
        elif teacher_auth.is_teacher(self):
            self.teacher = PASSCODE_TEACHER
        if self.teacher is None and not getattr(self, "login_page", False):
            if self.request.method != "GET":
                raise tornado.web.HTTPError(403)
            if self.hub is not None:
                self.redirect(self.hub.login_url(self))
            else:
                self.redirect(self.base_url + "teacher/login?next=" + quote(self.request.uri, safe=""))

    def owners(self, store) -> dict[str, str]:
        """Class → teacher, for the classes teachers made theirs (none on one machine)."""
        return store.owners() if self.hub is not None else {}

    def require_class(self, store, class_code: str | None) -> None:
        """A class's results only for its teacher (or a hub admin); anyone else is told there is nothing."""
        if class_code is not None and not self.teacher.sees(class_code, self.owners(store)):
            raise tornado.web.HTTPError(404)

    def render_page(self, name: str, **values) -> None:
        template = self.settings["voila_jinja2_env"].get_template(name)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(template.render(L=labels(self.lang), lang=self.lang, base_url=self.base_url,
                                    static_url=self.base_url + "voila/templates/netkit/static/", **values))

    def lesson_link(self, path: str, class_code: str) -> str:
        """The link students of ``class_code`` open for the lesson at ``path`` (through netkit route when there is one)."""
        base = self.student_url or self.base_url
        return f"{base}voila/render/{quote(path)}?class={quote(class_code, safe='')}"

    def store(self):
        from kit.store import location, open_store

        return open_store(location(self.data_dir))  # NETKIT_STORE's PostgreSQL (netkit serve --store), else SQLite


class LoginHandler(TeacherPage):
    """Asks for the passcode that ``netkit serve`` printed."""

    login_page = True

    def get(self):
        if self.hub is not None:  # the hub signs teachers in: go to the dashboard, which sends them there
            self.redirect(self.base_url + "teacher/")
            return
        self.render_page("teacher_login.html.j2", failed=False, locked=False, next=self._next(), xsrf=self.xsrf_form_html())

    def post(self):
        if self.hub is not None:
            raise tornado.web.HTTPError(404)
        address = self.request.remote_ip or ""
        if self.guard.check(address, self.get_body_argument("passcode", "")):
            teacher_auth.mark_teacher(self)
            self.redirect(self._next())
            return
        self.set_status(403)
        self.render_page("teacher_login.html.j2", failed=True, locked=self.guard.locked(address),
                         next=self._next(), xsrf=self.xsrf_form_html())

    def _next(self) -> str:
        target = self.get_argument("next", "")
        # only paths on this server, never another site
        return target if target.startswith(self.base_url + "teacher") and "//" not in target else self.base_url + "teacher/"


class LogoutHandler(TeacherPage):
    """Ends the teacher's session on the server (a form post with the xsrf value; a link cannot log anyone out)."""

    login_page = True

    def post(self):
        if self.hub is not None:
            self.redirect(self.hub.log_out(self))
            return
        teacher_auth.log_out(self)
        self.redirect(self.base_url)


class PasscodeHandler(TeacherPage):
    """A new passcode, made on the teacher's page: every other session ends, this one goes on."""

    @tornado.web.authenticated
    def post(self):
        if self.hub is not None:
            raise tornado.web.HTTPError(404)  # the hub signs teachers in; there is no passcode
        if not teacher_auth.is_teacher(self):
            raise tornado.web.HTTPError(403)
        passcode = teacher_auth.new_passcode()
        self.guard.replace_passcode(passcode)
        teacher_auth.mark_teacher(self)  # the new passcode ended every session, this one included
        self.render_page("teacher_passcode.html.j2", passcode=passcode)


class DashboardHandler(TeacherPage):
    """The student link and its QR code (none on a loopback-only server), today's lessons, every class and lesson with answers; one in detail."""

    @tornado.web.authenticated
    def get(self):
        from kit.serve.catalogue import scan, titles
        from kit.store.classes import normalise_class
        from kit.text.times import shown

        entries = scan(self.root, include_teacher=True) if self.root else []
        names = titles(entries, self.lang)
        store = self.store()
        try:
            owners = self.owners(store)
            raw_summary = [row for row in store.summary() if self.teacher.sees(row[0], owners)]
            summary = [(c, lesson, names.get(lesson, lesson), students, answers, shown(last), owners.get(c, ""))
                       for c, lesson, students, answers, _first, last in raw_summary]
            merged = {c: s for c, s in store.merged_classes().items() if self.teacher.sees(c, owners)}
            class_code = self.get_argument("class", None)
            lesson = self.get_argument("lesson", None)
            report = None
            if class_code is not None and lesson is not None:
                from kit.serve.report import booster_lessons, build_report, lesson_topic, progress_picture

                class_code = normalise_class(class_code)
                self.require_class(store, class_code)
                answers = store.answers(lesson=lesson, class_code=class_code)
                later = [a for other in booster_lessons(entries, lesson)
                         for a in store.answers(lesson=other, class_code=class_code)]
                report = build_report(answers, self.datasets, self.lang, later=later, topic=lesson_topic(entries, lesson))
                report["progress"] = progress_picture(answers, self.lang)
                from kit.serve.matched import experiment_report, lesson_experiment, matched_report

                report.update(matched_report(answers, store.answers(lesson=lesson), self.datasets, self.lang))
                report["experiment"] = experiment_report(answers, store.assignments(lesson=lesson, class_code=class_code),
                                                         lesson_experiment(self.root, lesson), self.lang)
                report["kept"] = self._kept(store, entries, lesson, class_code, answers)
                if report["kept"] is not None:  # a booster: its delayed test is read beside the post-test, not as pre → post
                    report["prepost"] = report["discern"] = None
            mine = sorted(c for c, owner in owners.items() if owner == self.teacher.name)
            published = self._published(store) if self.hub is not None else []
        finally:
            store.close()
        boosters = self._boosters(raw_summary, entries) if class_code is None else []
        link_class = normalise_class(self.get_argument("link_class", self.student_class))
        links = student_link_view(self.student_url, self.student_link_problem, link_class, self.lang,
                                  with_qr=class_code is None)
        self.render_page("teacher.html.j2", summary=summary, class_code=class_code, lesson=lesson, report=report,
                         lesson_title=names.get(lesson or "", lesson), merged=merged, link_class=link_class,
                         quote=lambda v: quote(v, safe=""), **links, boosters=boosters,
                         link_problem=self.student_link_problem, today=self._today(entries),
                         xsrf=self.xsrf_form_html(), district=self.hub is not None, teacher=self.teacher, mine=mine,
                         claimed=self.get_argument("claimed", ""), taken=self.get_argument("taken", ""),
                         published=published)

    def _published(self, store) -> list[dict]:
        """The lessons this teacher published, each with the link its classes open."""
        files = store.published_file_digests()
        return [{"path": path, "classes": classes, "at": at, "links": [self.lesson_link(path, c) for c in classes],
                 "files": sorted(files.get(path, {}))}
                for path, teacher, classes, _digest, at in store.publications() if teacher == self.teacher.name]

    def _kept(self, store, entries, lesson: str, class_code: str, answers: list) -> dict | None:
        """For a booster lesson: the class's post-test in its topic's lessons beside the booster's delayed test."""
        from kit.serve.report import build_retention

        entry = next((e for e in entries if e.lesson_id == lesson), None)
        if entry is None or not entry.booster:
            return None
        topic = [e.lesson_id for e in entries if e.topic == entry.topic and not e.booster and e.lesson_id]
        earlier = [a for other in dict.fromkeys(topic) for a in store.answers(lesson=other, class_code=class_code)]
        return build_retention(earlier + answers, self.datasets, self.lang)

    def _boosters(self, summary, entries) -> list[dict]:
        """When each class's booster is due (kit.analysis.delayed), today in Japan."""
        from datetime import datetime

        from kit.serve.report import booster_rows
        from kit.text.times import japan

        return booster_rows(summary, entries, datetime.now(japan()).date(), self.lang)

    def _today(self, entries) -> list[dict]:
        """Every lesson students could open, whether it is picked for today, and its preheated kernels."""
        from kit.serve.capacity import ready_in_pool

        picked = self.settings.get("netkit_today", [])
        pools = getattr(self.kernel_manager, "kernel_pools_config", {}) or {}
        default = (pools.get("default") or {}).get("pool_size", self.voila_configuration.default_pool_size)
        out = []
        for e in entries:
            if e.topic == "teacher":
                continue
            size = (pools.get(e.path) or {}).get("pool_size", default) if self.voila_configuration.preheat_kernel else 0
            out.append({"path": e.path, "title": e.title.get(self.lang), "audience": e.audience, "picked": e.path in picked,
                        "pool": size, "ready": ready_in_pool(self.kernel_manager, e.path) if size else 0})
        return out


class ProgressHandler(TeacherPage):
    """The live progress picture of one class and lesson, which the dashboard asks for again every few seconds."""

    @tornado.web.authenticated
    def get(self):
        from kit.serve.report import progress_picture
        from kit.store.classes import normalise_class

        class_code = normalise_class(self.get_argument("class", ""))
        lesson = self.get_argument("lesson", "")
        store = self.store()
        try:
            self.require_class(store, class_code)  # a district's teacher sees only their own classes
            answers = store.answers(lesson=lesson, class_code=class_code)
        finally:
            store.close()
        self.render_page("teacher_progress.html.j2", progress=progress_picture(answers, self.lang))


class TodayHandler(TeacherPage):
    """Sets today's lessons: the catalogue then lists only those (none picked: every lesson)."""

    @tornado.web.authenticated
    def post(self):
        from kit.serve.catalogue import scan

        if not self.teacher.sees_every_class:
            raise tornado.web.HTTPError(403)  # today's lessons are the whole instance's: a hub admin's choice
        known = {e.path for e in scan(self.root)} if self.root else set()
        picked = [p for p in self.get_body_arguments("lesson") if p in known]
        self.settings["netkit_today"][:] = picked
        self.redirect(self.base_url + f"teacher/?lang={self.lang}#nk-today")


class ExportHandler(TeacherPage):
    """Answers, items and students of one class and lesson as CSV (for Excel) or XLSX."""

    @tornado.web.authenticated
    def get(self, fmt: str):
        from kit.serve.report import export_tables
        from kit.store.classes import normalise_class

        class_code = self.get_argument("class", None)
        class_code = None if class_code is None else normalise_class(class_code)
        lesson = self.get_argument("lesson", None)
        store = self.store()
        try:
            self.require_class(store, class_code)
            answers = store.answers(lesson=lesson, class_code=class_code)
            assignments = store.assignments(lesson=lesson, class_code=class_code)
            if not self.teacher.sees_every_class:
                owners = self.owners(store)
                answers = [a for a in answers if self.teacher.sees(a.class_code, owners)]
                assignments = [a for a in assignments if self.teacher.sees(a["class_code"], owners)]
        finally:
            store.close()
        tables = export_tables(answers, self.datasets, self.lang)
        from kit.serve.matched import experiment_sheets

        tables.update(experiment_sheets(answers, assignments, self.root, self.lang))
        from kit.analysis.export import to_csv_bytes, to_xlsx_bytes

        stem = "netkit-results" + "".join(f"-{_safe(v)}" for v in (class_code, lesson) if v)
        from kit.serve.report import percent_headings, sheet_titles

        if not answers:
            self.set_status(404)
            self.set_header("Content-Type", "text/plain; charset=UTF-8")
            self.finish(labels(self.lang)["export_empty"])
            return
        if fmt == "xlsx":
            titles = sheet_titles(self.lang)
            body = to_xlsx_bytes({titles.get(k, k): v for k, v in tables.items()}, percent_headings(self.lang))
            ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            table = self.get_argument("table", "answers")
            body = to_csv_bytes(tables.get(table, tables["answers"]), percent_headings(self.lang))
            ctype = "text/csv; charset=utf-8"
            stem += f"-{_safe(table)}"
        self.set_header("Content-Type", ctype)
        self.set_header("Content-Disposition", f'attachment; filename="{stem}.{fmt}"')
        self.finish(body)


class ClaimHandler(TeacherPage):
    """Behind the hub: a teacher makes a class theirs (the first teacher to ask gets it)."""

    @tornado.web.authenticated
    def post(self):
        from kit.store.classes import normalise_class

        if self.hub is None:
            raise tornado.web.HTTPError(404)  # on one machine every class is the passcode's teacher's
        code = normalise_class(self.get_body_argument("class", ""))
        store = self.store()
        try:
            owner = store.claim_class(code, self.teacher.name) if code else ""
        finally:
            store.close()
        outcome = "claimed" if owner == self.teacher.name else "taken"
        query = f"?lang={self.lang}" + (f"&{outcome}={quote(code, safe='')}" if code else "")
        self.redirect(self.base_url + "teacher/" + query + "#nk-classes")


def _safe(value: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in value)[:40]


class PublishHandler(TeacherPage):
    """Behind the hub: 「授業を公開」, a teacher's lesson notebook checked as ``netkit validate`` does and served to their classes."""

    @tornado.web.authenticated
    def post(self):
        from kit.serve.publish import MAX_BYTES, MAX_FILES, check_upload, clashes, problem_sentences
        from kit.store.classes import normalise_class

        shelf = self.settings.get("netkit_published")
        if self.hub is None or shelf is None:
            raise tornado.web.HTTPError(404)  # on one machine the teacher changes the lessons folder itself
        L = labels(self.lang)
        if len(self.request.body) > (2 + MAX_FILES) * MAX_BYTES:
            self.set_status(413)
            self.render_page("teacher_publish.html.j2", problems=[L["publish_too_large"].format(kb=MAX_BYTES // 1000)], links=[])
            return
        uploads = self.request.files.get("notebook") or []
        # the content files the notebook names (a changed quiz CSV…); a file input left empty sends a part with no name
        contents = [(f.filename, f.body) for f in self.request.files.get("content") or [] if f.filename or f.body]
        store = self.store()
        try:
            owners = self.owners(store)
            mine = sorted(c for c, owner in owners.items() if owner == self.teacher.name)
            chosen = [normalise_class(c) for c in self.get_body_arguments("class")] or mine
            problems = []
            if len(uploads) != 1:
                problems.append(L["publish_one_file"])
            if not chosen:
                problems.append(L["publish_no_class"])
            elif any(owners.get(c) != self.teacher.name for c in chosen):
                others = ", ".join(c for c in chosen if owners.get(c) != self.teacher.name)
                problems.append(L["publish_not_yours"].format(classes=others))
            checked = None
            if not problems:
                upload = uploads[0]
                checked = check_upload(upload.filename, upload.body, self.teacher.name, self.datasets, contents)
                if checked.ok:  # a teacher's lessons share one folder of content files: one version of each name
                    checked.problems = clashes(checked, self.teacher.name, store.published_file_digests())
                problems = problem_sentences(checked.problems, self.lang)
            if problems:  # nothing is published
                self.set_status(400)
                self.render_page("teacher_publish.html.j2", problems=problems, links=[])
                return
            store.publish(checked.path, self.teacher.name, chosen, checked.notebook, checked.digest, checked.files)
        finally:
            store.close()
        shelf.refresh()  # this instance serves it now; the others when a student asks for it
        self.log.info("lesson %s published by %s for %s with %d content files", checked.path, self.teacher.name,
                      ", ".join(chosen), len(checked.files))
        self.render_page("teacher_publish.html.j2", problems=[], path=checked.path, files=sorted(checked.files),
                         links=[(c, self.lesson_link(checked.path, c)) for c in chosen])


class WithdrawHandler(TeacherPage):
    """Behind the hub: a teacher stops serving a lesson they published."""

    @tornado.web.authenticated
    def post(self):
        shelf = self.settings.get("netkit_published")
        if self.hub is None or shelf is None:
            raise tornado.web.HTTPError(404)
        store = self.store()
        try:
            store.withdraw(self.get_body_argument("path", ""), self.teacher.name)
        finally:
            store.close()
        shelf.refresh()
        self.redirect(self.base_url + f"teacher/?lang={self.lang}#nk-publish")
