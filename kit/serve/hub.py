"""``netkit serve --hub``: teachers sign in with JupyterHub; students still join with a class code.

Behind a JupyterHub, netkit is a hub service at its own prefix (``JUPYTERHUB_SERVICE_PREFIX``).
The teacher's pages ask the hub who is there (OAuth, ``jupyterhub.services.auth.HubOAuth``, the
``hub`` extra) instead of a passcode: a browser without the service's cookie is sent to the hub's
sign-in and comes back through ``oauth_callback``. Any hub user the hub lets use the service (the
scope ``access:services!service=NAME``) is a teacher and sees the classes they made theirs; a hub
admin sees every class with its teacher (the school and district view). Students have no hub
account and need none: lesson pages, kernels and the catalogue ask nobody.

Only the teacher's pages are touched: jupyterhub's own handler mixin would replace the xsrf checks
of every page (students' included), so the cookie is read and checked here, with HubOAuth's public
calls (``user_for_token``, ``set_state_cookie``, ``login_url``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

ENVIRONMENT = ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL", "JUPYTERHUB_SERVICE_PREFIX", "JUPYTERHUB_CLIENT_ID",
               "JUPYTERHUB_OAUTH_CALLBACK_URL")
SESSION_COOKIE = "jupyterhub-session-id"


@dataclass(frozen=True)
class Teacher:
    """Who is on the teacher's pages: a hub user (``name``), or the passcode's teacher on one machine ("")."""

    name: str = ""
    admin: bool = False

    @property
    def sees_every_class(self) -> bool:
        """A hub admin sees the district; the passcode's teacher owns the one machine's classes."""
        return self.admin or not self.name

    def sees(self, class_code: str, owners: dict[str, str]) -> bool:
        """Whether this teacher may see the results of ``class_code`` (``owners``: class → teacher)."""
        return self.sees_every_class or owners.get(class_code) == self.name


PASSCODE_TEACHER = Teacher()


def missing_environment(environ=None) -> list[str]:
    """The variables a hub gives its services that are missing here (``netkit serve --hub`` needs them all)."""
    environ = os.environ if environ is None else environ
    return [name for name in ENVIRONMENT if not environ.get(name)]


def service_prefix(environ=None) -> str:
    """The prefix the hub's proxy serves this service at (``/services/netkit/``), with its slashes."""
    environ = os.environ if environ is None else environ
    prefix = environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"


def teacher_of(user: dict | None) -> Teacher | None:
    """The teacher a hub user model names (None: nobody, or not a user, such as a service's token)."""
    if not user or user.get("kind", "user") != "user" or not user.get("name"):
        return None
    return Teacher(str(user["name"]), bool(user.get("admin")))


class HubTeachers:
    """The hub's word on who is on a teacher's page (one per server, in ``settings["netkit_hub"]``)."""

    def __init__(self, auth=None):
        if auth is None:
            from jupyterhub.services.auth import HubOAuth

            auth = HubOAuth.instance(cache_max_age=60)  # the hub's answer for a token, kept a minute
        self.auth = auth

    def _token(self, handler) -> str:
        token = handler.get_secure_cookie(self.auth.cookie_name)
        return token.decode("ascii", "replace") if token else ""

    def _allowed(self, user: dict | None) -> Teacher | None:
        if user is None or not self.auth.check_scopes(self.auth.access_scopes, user):
            return None  # signed in to the hub, but not let into this service
        return teacher_of(user)

    async def teacher(self, handler) -> Teacher | None:
        """The teacher whose hub sign-in this browser carries, or None."""
        token = self._token(handler)
        if not token:
            return None
        user = await self.auth.user_for_token(token, session_id=handler.get_cookie(SESSION_COOKIE, ""), sync=False)
        return self._allowed(user)

    def teacher_now(self, handler) -> Teacher | None:
        """``teacher`` for code that cannot wait (a lesson page asking whether a teacher opened it)."""
        token = self._token(handler)
        if not token:
            return None  # a student's browser: no hub cookie, no call to the hub
        return self._allowed(self.auth.user_for_token(token, session_id=handler.get_cookie(SESSION_COOKIE, ""), sync=True))

    def login_url(self, handler) -> str:
        """The hub's sign-in, coming back to this page (an OAuth state cookie remembers it)."""
        from tornado.httputil import url_concat

        params, verifier = {}, None
        if self.auth.pkce_enabled:
            verifier, params["code_challenge"], params["code_challenge_method"] = self.auth.generate_pkce_code_challenge()
        params["state"] = self.auth.set_state_cookie(handler, next_url=handler.request.uri, code_verifier=verifier)
        return url_concat(self.auth.login_url, params)

    def log_out(self, handler) -> str:
        """Forget this browser's sign-in here; the hub's own sign-out page to go to next."""
        self.auth.clear_cookie(handler)
        return self.auth.hub_host + self.auth.hub_prefix + "logout"


def callback_handler():
    """Tornado handler for ``PREFIX/oauth_callback``: the hub sends the teacher back here after signing in."""
    from jupyterhub.services.auth import HubOAuthCallbackHandler

    return HubOAuthCallbackHandler
