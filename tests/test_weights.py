"""The weight of a claim when claims must be set aside (ledger/reconcile/weights.py): the
grading when graded; else attribution and precision; copies of one origin's figure weigh
one figure. Each rule is checked on the choice it changes."""

from itertools import product

from pxl.ledger.reconcile import reconcile
from pxl.ledger.reconcile.conflicts import exclusion_key, policy_reason
from pxl.ledger.reconcile.origins import OriginIndex
from pxl.ledger.reconcile.weights import claim_weight, claim_weights, grading_weight, is_exact
from tests.claims import claim, day, source

GRADES = list(product([None, *"ABCDEF"], [None, 1, 2, 3, 4, 5, 6]))


def test_one_graded_claim_always_weighs_less_than_any_two():
    weights = [grading_weight(r, c) for r, c in GRADES]
    assert max(weights) < 2 * min(weights)


def test_better_grades_weigh_more_and_ungraded_is_cannot_be_judged():
    assert [grading_weight(r, 3) for r in "ABCDE"] == sorted([grading_weight(r, 3) for r in "ABCDE"], reverse=True)
    assert [grading_weight("C", c) for c in (1, 2, 3, 4, 5)] == sorted(
        [grading_weight("C", c) for c in (1, 2, 3, 4, 5)], reverse=True)
    assert grading_weight(None, None) == grading_weight("F", 6)
    assert grading_weight("C", None) > grading_weight("D", None) and grading_weight("F", 1) < grading_weight("C", 1)
    assert grading_weight("a", 1) == grading_weight("A", 1) == 19 and grading_weight("E", 5) == 10


def _excluded(claims):
    [series] = reconcile(claims).series
    return {c.seq for c in series.excluded}


def _outlet(name, derived_from=None):
    return source(publisher=name, url=f"https://{name.lower().replace(' ', '')}.example/1", derived_from=derived_from)


def test_outlets_repeating_one_spokesman_are_one_origin():
    # Three outlets quote one spokesman (his role worded two ways); two others, each its
    # own speaker, say 54. By rows 58 wins 3 to 2; by origins 54 wins 2 to 1.
    repeated = [claim("cumulative", 58, 58, day(3), speaker=who, src=_outlet(f"Outlet {i}"))
                for i, who in enumerate(["Ali Khan, spokesman", "Ali Khan (ministry spokesman)", "ali khan"])]
    independent = [claim("cumulative", 54, 54, day(3), speaker=f"official {i}", src=_outlet(f"Other {i}"))
                   for i in range(2)]
    assert _excluded([*repeated, *independent]) == {c.seq for c in repeated}


def test_wire_reprints_and_an_outlet_repeating_itself_are_one_origin():
    # No speaker: three reprints of one AFP story, and one outlet on two of its pages,
    # against two outlets of their own.
    wire = [claim("cumulative", 58, 58, day(3), src=_outlet(f"Reprint {i}", derived_from="AFP")) for i in range(3)]
    same = [claim("cumulative", 57, 57, day(3), src=source(publisher="Daily", url=f"https://daily.example/{i}"))
            for i in range(3)]
    own = [claim("cumulative", 54, 54, day(3), src=_outlet(f"Own {i}")) for i in range(2)]
    assert _excluded([*wire, *own]) == {c.seq for c in wire}
    assert _excluded([*same, *own[:1], claim("cumulative", 54, 54, day(3), src=_outlet("Third"))]) == {
        c.seq for c in same}


def test_an_exact_count_outweighs_three_rounded_descriptions():
    exact = claim("cumulative", 1778, 1778, day(5), src=_outlet("Asianet"))
    nearly = [claim("cumulative", 1800, 1999, day(5), src=_outlet(name)) for name in ("Reuters", "India TV", "UNN")]
    assert _excluded([exact, *nearly]) == {c.seq for c in nearly}
    # five independent approximations do outweigh it
    more = nearly + [claim("cumulative", 1800, 2200, day(5), src=_outlet(name)) for name in ("AJ", "BBC")]
    assert _excluded([exact, *more]) == {exact.seq}


def test_a_bare_round_thousand_weighs_as_rounded():
    assert not is_exact(claim("cumulative", 2000, 2000, day(1))) and not is_exact(claim("cumulative", 30000, 30000, day(1)))
    assert is_exact(claim("cumulative", 200, 200, day(1))) and is_exact(claim("cumulative", 1778, 1778, day(1)))
    assert is_exact(claim("cumulative", 2500, 2500, day(1))) and not is_exact(claim("cumulative", 5, 6, day(1)))
    # The case in small: seven batches add up to 1,778; 1,777 (a later, attributed
    # total) contradicts them; "nearly 2,000" twice, "around 2,000" and a bare "2,000".
    batches = [claim("increment", n, n, day(i + 1), speaker="prison service", src=_outlet(f"B{i}"))
               for i, n in enumerate([90, 200, 110, 183, 183, 369, 643])]
    count = claim("cumulative", 1778, 1778, day(7), src=_outlet("Asianet"))
    later = claim("cumulative", 1777, 1777, day(9), speaker="prisoners society", src=_outlet("IMEMC"))
    rounded = [claim("cumulative", 1800, 1999, day(7), src=_outlet("Reuters")),
               claim("cumulative", 1800, 1999, day(7), src=_outlet("India TV")),
               claim("cumulative", 1800, 2200, day(7), src=_outlet("Al Jazeera")),
               claim("cumulative", 2000, 2000, day(7), src=_outlet("Atalayar"))]
    assert _excluded([*batches, count, later, *rounded]) == {later.seq, *(c.seq for c in rounded)}


def test_grading_wins_over_precision():
    graded = claim("cumulative", 810, 990, day(3), reliability="A", credibility=1, src=_outlet("ICRC"))
    exact = claim("cumulative", 700, 700, day(3), reliability="E", credibility=5, src=_outlet("Blog"))
    assert claim_weight(graded) == grading_weight("A", 1) * claim_weight(exact) // grading_weight("E", 5)
    assert _excluded([graded, exact]) == {exact.seq}


def test_an_attributed_figure_outweighs_an_outlets_own_but_not_two_of_them():
    said = claim("cumulative", 120, 120, day(3), speaker="prison service", src=_outlet("AP"))
    own = claim("cumulative", 121, 121, day(3), src=_outlet("Y Media"))
    assert claim_weight(said) > claim_weight(own)
    assert _excluded([said, own]) == {own.seq}
    another = claim("cumulative", 121, 121, day(3), src=_outlet("Z Media"))
    assert _excluded([said, own, another]) == {said.seq}


def test_copies_weigh_what_their_best_graded_copy_weighs():
    copies = [claim("cumulative", 13, 13, day(3), speaker="Kremlin", reliability=r, src=_outlet(f"O{i}"))
              for i, r in enumerate("BBE")]
    other = claim("cumulative", 12, 12, day(3), speaker="Kremlin statement", reliability="C", src=_outlet("NTB"))
    weights = claim_weights([*copies, other], OriginIndex([*copies, other]))
    assert sum(weights[c.seq] for c in copies) == claim_weight(copies[0])
    assert _excluded([*copies, other]) == {other.seq}


def test_a_disputed_speaker_is_weighed_by_the_outlets_that_report_each_figure():
    # Pages attribute 44 and 25 to the ICRC; the 25 comes from one page graded A, the 44
    # from three outlets graded C: what the ICRC said is what is disputed.
    many = [claim("increment", 44, 44, day(3), speaker="ICRC", reliability="C", src=_outlet(f"Agency {i}"))
            for i in range(3)]
    one = claim("increment", 25, 25, day(3), speaker="ICRC", reliability="A", src=_outlet("ICRC pt"))
    assert _excluded([*many, one]) == {one.seq}


def test_ties_go_to_the_figure_that_is_not_exact_then_to_the_unattributed():
    rounded = claim("cumulative", 90, 110, day(3), reliability="B", src=_outlet("One"))
    exact = claim("cumulative", 50, 50, day(3), reliability="B", src=_outlet("Two"))
    assert _excluded([rounded, exact]) == {rounded.seq}
    assert policy_reason(exclusion_key(rounded, 1), exclusion_key(exact, 1)) == "its figure is not exact"
    plain = claim("cumulative", 50, 50, day(3), reliability="B", src=_outlet("Three"))
    said = claim("cumulative", 60, 60, day(3), reliability="B", speaker="minister", src=_outlet("Four"))
    assert _excluded([plain, said]) == {plain.seq}
    assert policy_reason(exclusion_key(plain, 1), exclusion_key(said, 1)) == "no speaker is named for it"
    # only when nothing tells them apart does recording order decide, and the reason says so
    twin = claim("cumulative", 70, 70, day(3), reliability="B", speaker="minister", src=_outlet("Four"))
    assert "nothing else tells them apart" in policy_reason(exclusion_key(said, 1), exclusion_key(twin, 1))
