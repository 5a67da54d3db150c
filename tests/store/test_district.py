"""A district's tables on both backends: a class is owned by the first teacher who claims it, pinned to one instance."""

from __future__ import annotations

from kit.store import open_store


def test_the_first_teacher_to_claim_a_class_owns_it_in_any_spelling(location):
    store = open_store(location)
    assert store.claim_class("２年１組", "sato") == "sato"
    assert store.claim_class("2-1", "tanaka") == "sato"  # taken: the owner stays
    assert store.claim_class("2-1", "sato") == "sato"
    assert store.claim_class("3-2", "tanaka") == "tanaka"
    assert store.claim_class("", "tanaka") == "" and store.claim_class("4-1", "") == ""
    assert store.owners() == {"2-1": "sato", "3-2": "tanaka"}
    store.close()


def test_a_pinned_class_keeps_its_owner_and_moves_when_pinned_again(location):
    store = open_store(location)
    store.pin("2-1", "netkit-a")
    assert store.claim_class("2-1", "sato") == "sato"  # pinned before anyone owned it
    store.pin("2年1組", "netkit-b")
    store.pin("3-2", "netkit-a")
    assert store.pins() == {"2-1": "netkit-b", "3-2": "netkit-a"}
    assert store.owners() == {"2-1": "sato"}
    store.close()


def test_instances_say_they_are_serving_and_the_latest_time_is_kept(location):
    store = open_store(location)
    store.heartbeat("netkit-a", "/services/netkit-a/", "http://127.0.0.1:9001", at="2026-12-02T05:00:00.000+00:00")
    store.heartbeat("netkit-b", "/services/netkit-b/", "http://127.0.0.1:9002", at="2026-12-02T05:00:01.000+00:00")
    store.heartbeat("netkit-a", "/services/netkit-a/", "http://127.0.0.1:9003", at="2026-12-02T05:00:02.000+00:00")
    assert store.instances() == [
        ("netkit-a", "/services/netkit-a/", "http://127.0.0.1:9003", "2026-12-02T05:00:02.000+00:00"),
        ("netkit-b", "/services/netkit-b/", "http://127.0.0.1:9002", "2026-12-02T05:00:01.000+00:00")]
    store.close()


def test_a_published_lesson_is_kept_for_its_classes_and_only_its_teacher_replaces_or_withdraws_it(location):
    store = open_store(location)
    path = "published/sato/quiz.ipynb"
    store.publish(path, "sato", ["2-1", "2-2"], '{"cells": []}', "d1")
    store.publish(path, "tanaka", ["3-1"], '{"cells": [1]}', "d2")  # another teacher cannot replace it
    assert [row[:4] for row in store.publications()] == [(path, "sato", ["2-1", "2-2"], "d1")]
    store.publish(path, "sato", ["2-1"], '{"cells": [2]}', "d3")
    assert store.publications()[0][2:4] == (["2-1"], "d3") and store.published_notebook(path) == '{"cells": [2]}'
    store.withdraw(path, "tanaka")
    assert store.published_notebook(path) is not None
    store.withdraw(path, "sato")
    assert store.publications() == [] and store.published_notebook(path) is None
    store.close()


def test_the_content_files_published_with_a_lesson_are_kept_with_it_and_withdrawn_with_it(location):
    import hashlib

    store = open_store(location)
    path, csv, xlsx = "published/sato/quiz.ipynb", "すこし変えた,問題\n".encode(), bytes(range(256)) * 3
    store.publish(path, "sato", ["2-1"], "{}", "d1", {"quizzes/a.csv": csv, "quizzes/b.xlsx": xlsx})
    assert store.published_file_digests() == {path: {"quizzes/a.csv": hashlib.sha256(csv).hexdigest(),
                                                     "quizzes/b.xlsx": hashlib.sha256(xlsx).hexdigest()}}
    assert store.published_file(path, "quizzes/a.csv") == csv and store.published_file(path, "quizzes/b.xlsx") == xlsx
    assert store.published_file(path, "quizzes/c.csv") is None and store.published_file("published/x/y.ipynb", "quizzes/a.csv") is None
    store.publish(path, "tanaka", ["3-1"], "{}", "d2", {"quizzes/a.csv": b"other"})  # not tanaka's to replace
    assert store.published_file(path, "quizzes/a.csv") == csv
    store.publish(path, "sato", ["2-1"], "{}", "d3")  # published again without files: the files go
    assert store.published_file_digests() == {} and store.published_file(path, "quizzes/a.csv") is None
    store.publish(path, "sato", ["2-1"], "{}", "d4", {"quizzes/a.csv": csv})
    store.withdraw(path, "sato")
    assert store.published_file_digests() == {} and store.published_file(path, "quizzes/a.csv") is None
    store.close()
