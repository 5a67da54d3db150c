"""A kernel that reaches its CPU cap ends, and the student's page says so kindly, with a reload button.

The operating system sends SIGXCPU when a process uses its CPU-seconds budget (``kit.kernel.limit``
sets it for every lesson kernel). Here the test sends that same signal to a served lesson's kernel
instead of waiting 20 minutes: the kernel writes which cap it reached to the server's terminal and
ends, and the page (``static/netkit-stopped.js``) shows 「この授業のページは止まりました…」 in the
page's language, never a traceback.
"""

from __future__ import annotations

import os
import signal

from tests.security.lesson_tab import kernel_pid


def test_a_kernel_over_its_cpu_cap_ends_and_the_page_says_reload(served, chromium):
    context = chromium.new_context(locale="ja-JP")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(served.url + "voila/render/piracy/basics.ipynb?class=3-1&name=kodama", timeout=180_000)
        page.wait_for_selector(".nk-quiz button", timeout=180_000)
        kernel_id = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
        assert not page.query_selector(".nk-stopped")
        os.kill(kernel_pid(served, kernel_id), signal.SIGXCPU)
        notice = page.wait_for_selector(".nk-stopped[role=alert]", timeout=120_000)
        text = notice.inner_text()
        assert "止まりました" in text and "読み込み直す" in text and "Traceback" not in text
        assert f"kernel {kernel_id} stopped: it reached its cpu cap" in served.output()
        assert errors == []
    finally:
        context.close()
