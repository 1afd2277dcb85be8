"""Where each entity is drawn: a force-directed layout computed once, when the page is written.

Fruchterman and Reingold's spring embedder in its grid form (their paper's own speed-up, which
igraph also uses for big graphs): springs pull linked entities together, every entity pushes away
those within a few spring lengths (found with a k-d tree, so a step costs n log n, not n²), and a
weak pull to the centre keeps unlinked entities and separate groups in view. Relations are springs
with a length, so that their label fits between the two entities; co-mentions are weaker springs,
so entities named in the same articles sit near each other even when no relation joins them; a
hub's springs are weaker, so its many neighbours ring it rather than pile onto it. Two entities
whose boxes (the disc and the name under it) overlap are pushed apart hard, so names stay
readable. The temperature (the longest move allowed) cools linearly to zero.

Positions come from a seeded generator and element-wise numpy arithmetic, summed in a fixed order,
and are rounded to whole pixels: the same graph gives the same page. On two cores 5,000 entities
take about 4.5 s (bench/html_scale.py prints it).
"""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np
from scipy.spatial import cKDTree

SPRING = 100.0  # px: the distance two linked entities settle at, about a label's width
GAP = 12.0  # px kept clear between two entities' boxes (disc and name)
GRAVITY = 0.02  # the pull to the centre, per pixel away (weaker for bigger graphs)
REACH = 2.5  # spring lengths: entities further apart do not push each other (the grid variant)
COLLIDE = 10.0  # how hard two overlapping boxes push, per pixel of overlap
SEED = 7


def steps(n: int) -> int:
    """More steps for a small graph, where they are cheap and every overlap shows."""
    return 500 if n <= 200 else 300 if n <= 2000 else 200


def spring_layout(
    n: int,
    springs: Iterable[tuple[int, int, float, float]],
    boxes: Iterable[tuple[float, float]] | None = None,
    seed: int = SEED,
    spring: float = SPRING,
) -> np.ndarray:
    """An (n, 2) array of positions in pixels for entities 0..n-1, joined by springs (a, b, strength,
    length: a spring pulls only beyond its length, so that a relation's label has room between its
    two entities). `boxes` (half width, half height: an entity's disc and name) keep entities
    apart: two whose boxes overlap, or come closer than GAP, are pushed apart hard, whatever else
    pulls them."""
    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    k = spring
    pos = rng.uniform(-1.0, 1.0, (n, 2)) * k * math.sqrt(n) * 0.6
    springs = [s for s in springs if s[0] != s[1]]
    pairs = np.array([(a, b) for a, b, _, _ in springs], dtype=np.int64).reshape(-1, 2)
    strength = np.array([w for _, _, w, _ in springs], dtype=float)
    rest = np.array([length for _, _, _, length in springs], dtype=float)
    if len(pairs):  # a hub's springs are weaker, so that its many leaves can ring it instead of piling up
        degree = np.bincount(pairs.ravel(), minlength=n).astype(float)
        strength /= np.sqrt(np.maximum(degree[pairs[:, 0]], degree[pairs[:, 1]]))
    half = np.asarray(list(boxes), dtype=float).reshape(-1, 2) if boxes is not None else np.full((n, 2), 10.0)
    hw, hh = half[:, 0] + GAP / 2, half[:, 1] + GAP / 2
    reach = REACH * k
    gravity = GRAVITY * min(1.0, math.sqrt(100 / n))  # weaker for more entities, or the middle gets crowded
    total = steps(n)
    t0 = k * math.sqrt(n) * 0.1 + k
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    a, b = pairs[:, 0], pairs[:, 1]
    for step in range(total):
        fx, fy = -gravity * x, -gravity * y  # towards the centre, so that separate groups stay in view
        close = _pairs(x, y, reach)
        if len(close):
            i, j = close[:, 0], close[:, 1]
            dx, dy = x[i] - x[j], y[i] - y[j]
            d = np.maximum(np.sqrt(dx * dx + dy * dy), 1e-2)
            # Fruchterman-Reingold's k² / d, shifted to fade out at `reach`; overlapping discs push hard
            overlap = np.minimum(hw[i] + hw[j] - np.abs(dx), hh[i] + hh[j] - np.abs(dy))
            push = k * k * (1.0 / d - 1.0 / reach) + COLLIDE * np.maximum(overlap, 0.0)
            push /= d
            _accumulate(fx, fy, i, j, push * dx, push * dy)
        if len(pairs):  # springs: d² / k beyond their length, times their strength
            dx, dy = x[a] - x[b], y[a] - y[b]
            d = np.maximum(np.sqrt(dx * dx + dy * dy), 1e-2)
            pull = -np.maximum(d - rest, 0.0) / k * strength
            _accumulate(fx, fy, a, b, pull * dx, pull * dy)
        length = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)  # each moves at most the temperature
        scale = np.minimum(length, t0 * (1.0 - step / total) + 0.5) / length
        x += fx * scale
        y += fy * scale
    pos = np.stack([x - math.fsum(x) / n, y - math.fsum(y) / n], axis=1)  # (fsum: exact whatever the CPU)
    return np.round(pos)


def _pairs(x: np.ndarray, y: np.ndarray, reach: float) -> np.ndarray:
    """The index pairs (i < j) of positions closer than `reach`."""
    return cKDTree(np.stack([x, y], axis=1)).query_pairs(reach, output_type="ndarray")


def _accumulate(fx: np.ndarray, fy: np.ndarray, i: np.ndarray, j: np.ndarray, gx: np.ndarray, gy: np.ndarray) -> None:
    """Add the force (gx, gy) to i and take it from j, summing repeated indices in a fixed order."""
    n = len(fx)
    fx += np.bincount(i, weights=gx, minlength=n) - np.bincount(j, weights=gx, minlength=n)
    fy += np.bincount(i, weights=gy, minlength=n) - np.bincount(j, weights=gy, minlength=n)
