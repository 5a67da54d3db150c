from kit.serve.caching import cache_control


def test_hashed_files_are_immutable_others_an_hour():
    assert "immutable" in cache_control("/voila/labextensions/anywidget/static/496.ad7666673ba278088e95.js")
    assert "immutable" in cache_control("/voila/static/a3b9817780214caf01e8.svg")
    assert cache_control("/voila/static/voila.js") == "public, max-age=3600"
    assert cache_control("/voila/templates/netkit/static/netkit.css") == "public, max-age=3600"
