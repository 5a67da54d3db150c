"""Play a role-play through in process, the way the scenario tests of each topic need it."""

from __future__ import annotations

from kit.widgets.scenario_player import ScenarioPlayer


def play(player: ScenarioPlayer, role: str, want_harm: bool) -> list[tuple[str, ...]]:
    """Play ``role`` taking, at each step, a harmful choice (or a harmless one) where there is one,
    and return the tags of the choices taken."""
    player.pick_role(role)
    chosen = []
    while player.choices:
        node = player.walk.current
        picks = [i for i, c in enumerate(node.choices) if ("harm" in c.tags) == want_harm]
        index = picks[0] if picks else 0
        chosen.append(node.choices[index].tags)
        player.choose(index)
    return chosen
