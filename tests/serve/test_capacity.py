from kit.serve.capacity import available_mb, default_max_kernels, stagger_refills


def test_memory_reading():
    assert available_mb("MemTotal: 8000000 kB\nMemAvailable:    4194304 kB\n") == 4096
    assert default_max_kernels("MemAvailable:    4194304 kB\n") == (4096 - 1024) // 120
    assert default_max_kernels("MemAvailable:    100 kB\n") == 4
    assert available_mb("nothing here") == 4096


def test_refills_are_spread_out():
    calls = []

    class Manager:
        fill_delay = 1.0

        def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
            calls.append(delay)

    km = Manager()
    stagger_refills(km, spacing=2.0)
    for _ in range(4):
        km.fill_if_needed(notebook_name="a.ipynb")
    km.fill_if_needed(delay=0, notebook_name="a.ipynb")  # startup fills are not delayed
    assert calls[-1] == 0
    gaps = [b - a for a, b in zip(calls[:3], calls[1:4], strict=True)]
    assert all(1.9 < g < 2.1 for g in gaps) and 0.9 < calls[0] <= 1.0
