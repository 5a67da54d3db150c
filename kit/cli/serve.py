"""``netkit serve [DIR] [--host H] [--port P] [--class-size N] [--lesson PATH] [--data-dir D] [--store URL]``: the lessons to a class."""

from __future__ import annotations

import argparse
import dataclasses
import os
import socket
import sys
from pathlib import Path

from kit.cli.common import find_folders, whole_number
from kit.text.cli_text import say


def _lesson_path(name: str) -> str:
    """A lesson named on the command line (``defamation/basics``), relative to the lessons folder."""
    text = Path(name).as_posix().removeprefix("./").removeprefix("lessons/")
    return text if text.endswith(".ipynb") else text + ".ipynb"


def _hub_address(args) -> str | None:
    """Behind a hub: check its variables and take address and port from them; a message when they are missing."""
    from urllib.parse import urlsplit

    from kit.serve.hub import missing_environment

    missing = missing_environment()
    if missing:
        return say("serve_hub_missing", names=", ".join(missing))
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return say("serve_hub_needs_extra")
    url = urlsplit(os.environ.get("JUPYTERHUB_SERVICE_URL", ""))
    if url.hostname and args.host == "0.0.0.0":
        args.host = url.hostname
    args.port = args.port or url.port
    # Every student comes through the hub's proxy, one address: per-address limits would turn a class away.
    args.kernels_per_address = args.connections_per_address = 0
    return None


def cmd_serve(args) -> int:
    """Serve the lessons to the classroom until Ctrl+C."""
    from kit.serve.app import ServeOptions, make_app
    from kit.store import data_dir

    if args.hub:
        problem = _hub_address(args)
        if problem:
            print(problem, file=sys.stderr)
            return 2
    args.port = args.port or 8866

    lessons, _datasets = find_folders(args.dir)
    if not lessons.is_dir():
        print(f"lessons フォルダが見つかりません: {lessons} / no lessons folder there", file=sys.stderr)
        return 2
    results = Path(args.data_dir).resolve() if args.data_dir else data_dir()
    if results == lessons or lessons in results.parents:
        print("結果の保存先は授業フォルダの外にしてください / keep --data-dir outside the lessons folder", file=sys.stderr)
        return 2
    results.mkdir(parents=True, exist_ok=True)
    store = args.store or os.environ.get("NETKIT_STORE", "")
    if store:
        problem = _store_problem(store)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        os.environ["NETKIT_STORE"] = store  # every lesson kernel and the teacher's pages open it (kit.store.location)
    from kit.serve.teacher_auth import current_passcode, new_passcode, passcode_problem

    # Taken out of the environment: lesson kernels start from the server's environment.
    given = args.teacher_passcode or os.environ.pop("NETKIT_TEACHER_PASSCODE", "")
    if given and passcode_problem(given):
        print(say(passcode_problem(given), example=new_passcode()), file=sys.stderr)
        return 2
    passcode = current_passcode(results, given)
    pool = args.class_size if args.class_size is not None else args.pool
    preheat = tuple(_lesson_path(name) for name in args.lesson)
    missing = [name for name, p in zip(args.lesson, preheat, strict=True) if not (lessons / p).is_file()]
    if missing:
        from kit.serve.catalogue import scan, suggest

        entries = scan(lessons)
        for name in missing:
            guess = suggest(name, entries)
            print(say("serve_no_lesson", name=name, folder=lessons) + " "
                  + (say("serve_did_you_mean", path=guess) if guess else say("serve_lesson_list")), file=sys.stderr)
        return 2
    from kit.serve.capacity import default_max_kernels, kernel_mb, preheat_per_lesson

    limit = args.max_kernels or default_max_kernels(per_kernel=kernel_mb(args.fork_kernels))
    preheated = len(preheat) or sum(1 for nb in lessons.rglob("*.ipynb") if ".ipynb_checkpoints" not in nb.parts)
    fitting = preheat_per_lesson(pool, preheated, limit)
    if fitting < pool:
        print(f"この PC のメモリーで動かせるカーネルは {limit} 個です。{preheated} の授業に {pool} 個ずつは入らないので、"
              f"授業ごとに {fitting} 個にしました。その日の授業を --lesson で選んでください（例: --lesson defamation/es56）。"
              f" / This computer's memory holds {limit} kernels: {pool} for each of {preheated} lessons do not fit, so each "
              f"lesson gets {fitting}. Choose today's lesson with --lesson (e.g. --lesson defamation/es56).",
              file=sys.stderr, flush=True)
        pool = fitting
    from kit.serve.autopool import pool_size
    from kit.serve.banner import serve_banner, student_links
    from kit.store.classes import normalise_class

    klass = normalise_class(args.class_code or "")
    links = student_links(args.host, args.port)
    hub = _hub_options(args) if args.hub else {}
    if args.student_url or args.hub:
        links = dataclasses.replace(links, links=(args.student_url,) if args.student_url else (), problem="")
    options = ServeOptions(**hub,root=lessons, host=args.host, port=args.port, pool=pool, data_dir=results,
                           cull_idle_timeout=args.cull_after, teacher_passcode=passcode, preheat=preheat,
                           max_kernels=limit, kernels_per_address=args.kernels_per_address,
                           reconnect_grace=args.reconnect_grace,
                           connections_per_address=args.connections_per_address,
                           student_url=links.best, student_link_problem=links.problem,
                           student_class=klass, auto_pool=args.auto_pool and pool <= 0, pool_idle_seconds=args.pool_idle,
                           kernel_memory_mb=-1 if args.kernel_memory is None else args.kernel_memory,
                           kernel_cpu_seconds=-1 if args.kernel_cpu is None else args.kernel_cpu,
                           light_page=args.light_page,
                           fork_kernels=args.fork_kernels)
    if _port_in_use(args.host, args.port):
        print(f"ポート {args.port} は使用中です。--port で別の番号を指定してください / port {args.port} is in use; "
              "choose another with --port", file=sys.stderr)
        return 2
    app = make_app(options)
    if args.hub:
        print(say("serve_hub_banner", url=f"http://{args.host}:{args.port}{options.base_url}", lessons=lessons), flush=True)
        return _run(app)
    auto = pool_size(limit, 1) if options.auto_pool else 0  # beside the kernel of the student who opens the lesson
    print(serve_banner(args.host, args.port, lessons, results, pool, passcode, preheat,
                       student_links(args.host, args.port, klass) if klass else links, auto=auto), flush=True)
    _check_content_in_background(lessons, _datasets)
    if store:
        from kit.store.postgres import shown

        print(f"{say('serve_store_in_use')}: {shown(store)}", flush=True)
    if args.qr and links.for_students:
        from kit.serve.qr import qr_text

        print(say("serve_qr") + (" " + say("serve_qr_class", klass=klass) if klass else ""), flush=True)
        print(qr_text(student_links(args.host, args.port, klass).best), flush=True)
    return _run(app)


CONTENT_CHECK_THREAD = "netkit-content-check"
CONTENT_LINES_SHOWN = 10


def content_warning(lessons: Path, datasets: Path) -> str:
    """What ``netkit validate`` would say about the served folder, as a warning ('' when it is sound)."""
    from kit.content.check import check_tree
    from kit.workspace.targets import shown

    if not datasets.is_dir():
        return ""
    problems = check_tree(datasets, lessons).problems
    if not problems:
        return ""
    lines = [say("serve_content_problems", count=len(problems), folder=shown(lessons.parent))]
    lines += ["  " + p.sentence() for p in problems[:CONTENT_LINES_SHOWN]]
    if len(problems) > CONTENT_LINES_SHOWN:
        lines.append("  " + say("serve_content_more", count=len(problems) - CONTENT_LINES_SHOWN))
    return "\n".join(lines)


def _check_content_in_background(lessons: Path, datasets: Path) -> None:
    """Check a teacher's folder as validate does while the server starts, and warn below the banner; never refuse to start.

    The kit's own lessons are checked before each release, so they are not read again here.
    """
    import threading

    from kit.content.paths import bundled_root

    if lessons.resolve().parent == bundled_root().resolve():
        return

    def check() -> None:
        try:
            warning = content_warning(lessons, datasets)
        except Exception:  # the check must never stop a lesson; validate shows what went wrong
            return
        if warning:
            print(warning, file=sys.stderr, flush=True)

    threading.Thread(target=check, name=CONTENT_CHECK_THREAD, daemon=True).start()


def _run(app) -> int:
    try:
        app.start()
    except KeyboardInterrupt:
        pass
    print("停止しました / stopped", flush=True)
    return 0


def _hub_options(args) -> dict:
    """``ServeOptions`` fields behind a hub: its prefix, and this instance's name and address for ``netkit route``."""
    from kit.serve.hub import service_prefix

    return {"hub": True, "base_url": service_prefix(), "instance_name": os.environ.get("JUPYTERHUB_SERVICE_NAME", ""),
            "instance_url": os.environ.get("JUPYTERHUB_SERVICE_URL", "")}


def _store_problem(url: str) -> str:
    """'' when ``url`` names a PostgreSQL database that opens (its migrations applied); else one sentence why not."""
    from kit.store import MissingExtra, StoreUnavailable, is_url, open_store
    from kit.store.postgres import shown

    if not is_url(url):
        return say("serve_store_not_url", url=shown(url))
    try:
        open_store(url).close()
    except MissingExtra:
        return say("store_needs_postgres")
    except StoreUnavailable as error:
        reason = str(error.__cause__ or error).strip().splitlines()
        return say("serve_store_unreachable", url=shown(url), error=reason[-1] if reason else "")
    return ""


def _port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host if host not in ("", "::") else "0.0.0.0", port))
        except OSError:
            return True
    return False


def add_parser(sub) -> None:
    """Register ``netkit serve``."""
    serve = sub.add_parser("serve", help="授業を配信する / serve the lessons to a class")
    serve.add_argument("dir", nargs="?", help="授業のフォルダ（lessons と datasets を含む）/ folder with lessons/ and datasets/")
    serve.add_argument("--host", default="0.0.0.0", help="待ち受けるアドレス / address to listen on (default 0.0.0.0: the classroom network)")
    serve.add_argument("--port", type=int, help="ポート番号 / port (default 8866)")
    serve.add_argument("--class-size", type=whole_number, help="クラスの人数：その数のカーネルを先に起動しておく / students in the class: "
                       "keep that many kernels started in advance for each preheated lesson")
    serve.add_argument("--lesson", action="append", default=[], metavar="PATH",
                       help="先に起動しておく授業（くり返し可、例: defamation/basics）/ lesson to preheat (repeatable; default all)")
    serve.add_argument("--pool", type=whole_number, default=0, help="--class-size と同じ / same as --class-size")
    serve.add_argument("--auto-pool", action=argparse.BooleanOptionalAction, default=True,
                       help="--class-size がないとき、授業を2人目の生徒が開いたらその授業のカーネルを先に起動しておく（--no-auto-pool で止める）"
                       "/ without --class-size, the second student to open a lesson starts kernels in advance for the rest of the class "
                       "(--no-auto-pool: not)")
    serve.add_argument("--pool-idle", type=whole_number, default=900, metavar="SECONDS",
                       help="自動で起動した待機カーネルを、その授業をだれも開かないまま何秒たったら止めるか（既定 900）"
                       "/ stop a self-started pool's waiting kernels when nobody opened its lesson for this many seconds (default 900)")
    serve.add_argument("--max-kernels", type=whole_number, default=0, help="同時に動かすカーネルの上限（0: 空きメモリから決める）/ most kernels at once (0: from free memory)")
    serve.add_argument("--kernel-memory", type=whole_number, metavar="MB",
                       help="生徒 1 人のカーネルが使えるメモリー（MB、既定 768、0: 上限なし）/ most memory one student's kernel may use (MB, default 768, 0: no cap)")
    serve.add_argument("--kernel-cpu", type=whole_number, metavar="SECONDS",
                       help="生徒 1 人のカーネルが使える CPU 時間（秒、既定 1200、0: 上限なし）/ most CPU time one student's kernel may use (seconds, default 1200, 0: no cap)")
    serve.add_argument("--fork-kernels", action=argparse.BooleanOptionalAction, default=True,
                       help="生徒のカーネルを、授業フォルダごとに準備した親プロセスから fork して、読み込んだコードのメモリーを共有する"
                       "（--no-fork-kernels でふつうに起動）/ fork students' kernels from a warm parent per lesson folder so that they "
                       "share the memory of the code they import (--no-fork-kernels: start each afresh)")
    serve.add_argument("--kernels-per-address", type=whole_number, default=4, metavar="N",
                       help="1 台の端末が同時に使えるカーネルの上限（0: 制限なし。先生は数えない）/ most kernels one device may hold "
                       "(0: no limit; the teacher is not counted)")
    serve.add_argument("--reconnect-grace", type=whole_number, default=30, metavar="SECONDS",
                       help="タブがつながっていないカーネルを、その端末の分として数えつづける秒数。過ぎると、同じ端末が次の授業を"
                       "開くときに止める（再読み込みはこの間につながりなおす）/ seconds a kernel no tab is connected to still counts "
                       "for its device; after that, the device's next lesson shuts it down (a reload reconnects within it)")
    serve.add_argument("--connections-per-address", type=whole_number, default=64, metavar="N",
                       help="1 つのアドレスからの同時接続の上限（0: 制限なし。プロキシの後ろで動かすとき）/ most open connections "
                       "from one address (0: no limit; for a server behind a proxy)")
    serve.add_argument("--store", metavar="URL",
                       help="結果を PostgreSQL に保存する（例: postgresql://netkit@db/netkit、既定: 環境変数 NETKIT_STORE、"
                       "なければ --data-dir の SQLite）/ keep results in PostgreSQL (default: NETKIT_STORE, else SQLite in --data-dir)")
    serve.add_argument("--data-dir", help="結果の保存先 / where results are stored (outside the lessons)")
    serve.add_argument("--teacher-passcode", help="先生用ページのパスコード（10 文字以上、文字と数字。省略すると結果の保存先に保存したもの）"
                       "/ passcode for the teacher's pages (10+ characters, letters and digits; default: the one kept with the results)")
    serve.add_argument("--cull-after", type=whole_number, default=600, metavar="SECONDS",
                       help="タブを閉じたまま残ったカーネルを止めるまでの秒数 / stop a kernel no tab is connected to after this many idle seconds")
    serve.add_argument("--light-page", action=argparse.BooleanOptionalAction, default=True,
                       help="キットの部品だけの授業を軽いページで開く（既定。JupyterLab の部品を読み込まない。ほかのノートブックは"
                       "いつものページ。--no-light-page: すべて Voilà のページ）/ open lessons made only of the kit's components "
                       "on the light page (the default; no JupyterLab front end; other notebooks keep Voilà's page; "
                       "--no-light-page: every page is Voilà's)")
    serve.add_argument("--qr", action=argparse.BooleanOptionalAction, default=True,
                       help="生徒用アドレスの QR コードを表示する（--no-qr で出さない）/ print the students' link as a QR code (--no-qr: not)")
    serve.add_argument("--hub", action="store_true",
                       help="JupyterHub のサービスとして動かす：先生はハブでサインイン、生徒は今まで通りクラス名で参加"
                       "（アドレスとポートはハブが渡す JUPYTERHUB_SERVICE_URL から）/ run as a JupyterHub service: teachers sign in "
                       "with the hub, students join with a class code as before (address and port from the hub's JUPYTERHUB_SERVICE_URL)")
    serve.add_argument("--student-url", metavar="URL",
                       help="先生用ページに QR コードで出す生徒用アドレス（ハブの後ろでは netkit route のアドレス）"
                       "/ the students' link shown with its QR code on the teacher's page (behind a hub: netkit route's address)")
    serve.add_argument("--class", dest="class_code", metavar="CLASS",
                       help="生徒用リンクと QR コードにクラスを入れる（例: 2-3）/ put the class into the students' link and QR code")
    serve.set_defaults(func=cmd_serve)
