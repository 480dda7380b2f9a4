"""Step 3's weighted scoring of candidates: pure functions, no queries.

A candidate's score is the weighted mean of its scores (0 to 5) on the criteria the team
defined; a criterion not scored yet counts as missing, not as zero, and the ranking says so.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Ranked:
    candidate_id: int
    score: Decimal | None  # weighted mean 0–5, two decimals; None when nothing is scored
    scored: int  # how many criteria have a score
    rank: int | None  # 1 = best; ties share a rank; None when unscored


def weighted_score(weights: dict, scores: dict) -> Decimal | None:
    """weights {criterion_id: weight}, scores {criterion_id: 0..5} → weighted mean or None."""
    total_weight = sum(weights[c] for c in scores if c in weights)
    if not total_weight:
        return None
    total = sum(Decimal(weights[c]) * Decimal(s) for c, s in scores.items() if c in weights)
    return (total / Decimal(total_weight)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rank(weights: dict, scores_by_candidate: dict) -> list[Ranked]:
    """Candidates best first; equal scores share a rank (1, 2, 2, 4); unscored ones last."""
    rows = [
        (cid, weighted_score(weights, scores), len([c for c in scores if c in weights]))
        for cid, scores in scores_by_candidate.items()
    ]
    scored = sorted((r for r in rows if r[1] is not None), key=lambda r: (-r[1], r[0]))
    result = []
    previous, previous_rank = None, 0
    for position, (cid, score, count) in enumerate(scored, start=1):
        current_rank = previous_rank if score == previous else position
        result.append(Ranked(cid, score, count, current_rank))
        previous, previous_rank = score, current_rank
    result.extend(
        Ranked(cid, None, count, None) for cid, score, count in sorted(rows) if score is None
    )
    return result
