from itertools import product

from pxl.ledger.reconcile.weights import grading_weight

GRADES = list(product([None, *"ABCDEF"], [None, 1, 2, 3, 4, 5, 6]))


def test_one_claim_always_weighs_less_than_any_two():
    weights = [grading_weight(r, c) for r, c in GRADES]
    assert max(weights) < 2 * min(weights)


def test_better_grades_weigh_more_and_ungraded_is_cannot_be_judged():
    assert [grading_weight(r, 3) for r in "ABCDE"] == sorted([grading_weight(r, 3) for r in "ABCDE"], reverse=True)
    assert [grading_weight("C", c) for c in (1, 2, 3, 4, 5)] == sorted(
        [grading_weight("C", c) for c in (1, 2, 3, 4, 5)], reverse=True)
    assert grading_weight(None, None) == grading_weight("F", 6)
    assert grading_weight("C", None) > grading_weight("D", None) and grading_weight("F", 1) < grading_weight("C", 1)
    assert grading_weight("a", 1) == grading_weight("A", 1) == 19 and grading_weight("E", 5) == 10
