"""The environment a lesson kernel starts with: what a Python kernel and the lesson need, no server secrets.

A kernel runs a teacher's notebook for a student; it inherited the server's whole environment,
so ``NETKIT_TEACHER_PASSCODE`` (and a school's tokens, keys and passwords) could be read by any
code a kernel runs. Only names on this allowlist pass, and never a name that looks like a secret.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

ALLOWED = frozenset({
    # the system, the user, the language
    "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP", "SHELL", "TERM",
    "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH",
    "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "APPDATA", "LOCALAPPDATA", "USERPROFILE",
    "PROGRAMDATA", "PROGRAMFILES", "HOMEDRIVE", "HOMEPATH", "NUMBER_OF_PROCESSORS", "PROCESSOR_ARCHITECTURE",
    # Python and Jupyter
    "PYTHONPATH", "PYTHONHOME", "PYTHONUNBUFFERED", "PYTHONIOENCODING", "PYTHONUTF8", "PYTHONDONTWRITEBYTECODE",
    "VIRTUAL_ENV", "CONDA_PREFIX", "CONDA_DEFAULT_ENV", "IPYTHONDIR", "MPLCONFIGDIR", "MPLBACKEND",
    "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
    # the request Voilà hands the lesson (CGI names): the link's class and nickname are in QUERY_STRING
    "QUERY_STRING", "SCRIPT_NAME", "PATH_INFO", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE",
})
PREFIXES = ("LC_", "XDG_", "JUPYTER_", "JPY_", "VOILA_", "NETKIT_")
SECRET = re.compile(r"PASS|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|COOKIE|SESSION_ID|PRIVATE", re.IGNORECASE)


def kernel_environment(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` with only the names a lesson kernel needs, and none that looks like a secret."""
    return {name: value for name, value in env.items()
            if (name in ALLOWED or name.startswith(PREFIXES)) and not SECRET.search(name)}
