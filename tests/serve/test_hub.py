"""Behind JupyterHub: who is a teacher, which classes they see, and where the router sends a class."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from kit.serve.hub import PASSCODE_TEACHER, Teacher, missing_environment, service_prefix, teacher_of
from kit.serve.route import choose, forwarded_path, heard_lately


def test_a_teacher_sees_only_their_own_classes_and_a_hub_admin_sees_the_district():
    owners = {"2-1": "sato", "3-2": "tanaka"}
    sato, admin = Teacher("sato"), Teacher("kyoiku-iinkai", admin=True)
    assert [c for c in ("2-1", "3-2", "4-4") if sato.sees(c, owners)] == ["2-1"]
    assert [c for c in ("2-1", "3-2", "4-4") if admin.sees(c, owners)] == ["2-1", "3-2", "4-4"]
    assert PASSCODE_TEACHER.sees("3-2", owners)  # one machine: the passcode's teacher sees every class


def test_only_a_hub_user_is_a_teacher():
    assert teacher_of({"kind": "user", "name": "sato", "admin": False}) == Teacher("sato")
    assert teacher_of({"kind": "user", "name": "root", "admin": True}) == Teacher("root", admin=True)
    assert teacher_of({"kind": "service", "name": "netkit-a"}) is None  # a service's token is nobody's class
    assert teacher_of(None) is None and teacher_of({"kind": "user", "name": ""}) is None


def test_the_hub_variables_are_checked_and_the_prefix_has_its_slashes():
    given = {"JUPYTERHUB_API_TOKEN": "t", "JUPYTERHUB_API_URL": "http://127.0.0.1:8081/hub/api",
             "JUPYTERHUB_SERVICE_PREFIX": "/services/netkit-a", "JUPYTERHUB_CLIENT_ID": "service-netkit-a"}
    assert missing_environment(given) == ["JUPYTERHUB_OAUTH_CALLBACK_URL"]
    assert service_prefix(given) == "/services/netkit-a/"
    assert service_prefix({}) == "/"


def test_a_class_stays_on_its_instance_while_it_lives_and_new_classes_go_where_fewest_are():
    pins = {"2-1": "a", "2-2": "a", "3-1": "b"}
    assert choose("2-1", pins, ["a", "b"]) == "a"
    assert choose("4-1", pins, ["a", "b"]) == "b"  # b has one class, a two
    assert choose("2-1", pins, ["b", "c"]) == "c"  # a died: the live instance with the fewest classes
    assert choose("2-1", pins, []) is None


def test_an_instance_not_heard_from_for_six_seconds_is_taken_for_dead():
    now = datetime(2026, 12, 2, 5, 0, 10, tzinfo=timezone.utc)
    rows = [("a", "/services/netkit-a/", "http://127.0.0.1:1", "2026-12-02T05:00:08.000+00:00"),
            ("b", "/services/netkit-b/", "http://127.0.0.1:2", "2026-12-02T05:00:03.000+00:00")]
    assert [i.name for i in heard_lately(rows, now)] == ["a"]


@pytest.mark.parametrize(("given", "kept"), [
    ("voila/render/quiz/quiz.ipynb", "voila/render/quiz/quiz.ipynb"), ("/teacher/", "teacher/"), ("", ""),
    ("../../hub/admin", ""), ("//evil.example/x", "evil.example/x"),  # after the prefix: still inside
    ("http:/x", ""), ("voila\\render", "")])
def test_the_router_forwards_only_plain_paths_inside_an_instance(given, kept):
    assert forwarded_path(given) == kept
