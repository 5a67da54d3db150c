"""SVG charts for the FlamingLab: posts per round, and how the posts were shared among posters.

Plain SVG built on the server (no script, nothing loaded from the internet); every text is escaped.
"""

from __future__ import annotations

import html

from kit.models.flaming import FlamingResult

WIDTH, HEIGHT, PAD = 360, 200, 36
COLOURS = {"without": "#b3261e", "with": "#1f5f99"}


def _esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def posts_chart(result: FlamingResult, top: int, title: str, x_label: str, y_label: str, colour: str) -> str:
    """Bars of posts per round, on a shared y scale ``top`` so two runs compare by eye."""
    rounds = result.rounds
    inner_w, inner_h = WIDTH - PAD - 8, HEIGHT - PAD - 24
    top = max(top, 1)
    bar_w = inner_w / max(len(rounds), 1)
    bars = []
    for i, r in enumerate(rounds):
        h = inner_h * r.posts / top
        bars.append(f'<rect x="{PAD + i * bar_w + 1:.1f}" y="{24 + inner_h - h:.1f}" width="{max(bar_w - 2, 1):.1f}" '
                    f'height="{h:.1f}" fill="{colour}"><title>{r.number}: {r.posts}</title></rect>')
    summary = f"{title}: " + ", ".join(str(r.posts) for r in rounds)
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{_esc(summary)}" '
        'class="nk-fl-chart">'
        f'<text x="{PAD}" y="16" font-size="13" font-weight="700" fill="#1a1a1a">{_esc(title)}</text>'
        f'<line x1="{PAD}" y1="{24 + inner_h}" x2="{WIDTH - 8}" y2="{24 + inner_h}" stroke="#5f6b75"/>'
        f'<line x1="{PAD}" y1="24" x2="{PAD}" y2="{24 + inner_h}" stroke="#5f6b75"/>'
        f'<text x="{PAD - 4}" y="30" font-size="11" text-anchor="end" fill="#3d4f5c">{top}</text>'
        f'<text x="{PAD - 4}" y="{24 + inner_h}" font-size="11" text-anchor="end" fill="#3d4f5c">0</text>'
        f'<text x="{PAD + inner_w / 2:.0f}" y="{HEIGHT - 6}" font-size="11" text-anchor="middle" fill="#3d4f5c">{_esc(x_label)}</text>'
        f'<text x="10" y="{24 + inner_h / 2:.0f}" font-size="11" text-anchor="middle" fill="#3d4f5c" '
        f'transform="rotate(-90 10 {24 + inner_h / 2:.0f})">{_esc(y_label)}</text>'
        + "".join(bars) + "</svg>"
    )


def lorenz_chart(runs: list[tuple[str, str, FlamingResult]], title: str, x_label: str, y_label: str) -> str:
    """Share of posts written by the most active share of posters, one line per run, and equality."""
    inner = HEIGHT - PAD - 24
    left = PAD

    def point(x: float, y: float) -> str:
        return f"{left + x * inner:.1f},{24 + inner - y * inner:.1f}"

    lines = [f'<polyline points="{point(0, 0)} {point(1, 1)}" fill="none" stroke="#9aa7b2" stroke-dasharray="4 3"/>']
    legend = []
    for n, (name, colour, result) in enumerate(runs):
        pts = " ".join(point(x, y) for x, y in result.lorenz())
        lines.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="3"/>')
        legend.append(f'<rect x="{left + inner + 12}" y="{34 + n * 20}" width="12" height="12" fill="{colour}"/>'
                      f'<text x="{left + inner + 28}" y="{44 + n * 20}" font-size="11" fill="#1a1a1a">{_esc(name)}</text>')
    described = "; ".join(f"{name}: {round(r.top_share(0.1) * 100)}%" for name, _, r in runs)
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{_esc(title + " — " + described)}" '
        'class="nk-fl-chart">'
        f'<text x="{left}" y="16" font-size="13" font-weight="700" fill="#1a1a1a">{_esc(title)}</text>'
        f'<rect x="{left}" y="24" width="{inner}" height="{inner}" fill="none" stroke="#5f6b75"/>'
        f'<text x="{left + inner / 2:.0f}" y="{HEIGHT - 6}" font-size="11" text-anchor="middle" fill="#3d4f5c">{_esc(x_label)}</text>'
        f'<text x="10" y="{24 + inner / 2:.0f}" font-size="11" text-anchor="middle" fill="#3d4f5c" '
        f'transform="rotate(-90 10 {24 + inner / 2:.0f})">{_esc(y_label)}</text>'
        + "".join(lines) + "".join(legend) + "</svg>"
    )
