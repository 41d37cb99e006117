"""What the seeds plant (seeds/.README) is what a user finds: the same claims in one
cluster, every contradiction for every outlet carrying each value, one first reporter, one
story per event."""

import duckdb
import pytest

WIRE = "Unnamed wire service (real seed)"

# (planted fact, {outlet: ILIKE pattern of its claim}) from seeds/.README, "Corroborated facts"
PLANTED_SAME = [
    ("talks lasted 4.5 hours", {"Civic Wire": "%talks in Riyadh lasted four and a half%", WIRE: "%meeting lasted four and a half%"}),
    ("an important step forward", {o: "%important step forward%" for o in ("Civic Wire", "Harbor Daily", "Northfield Courier", WIRE)}),
    ("consultation mechanism", {o: "%consultation mechanism%" for o in ("Civic Wire", "The Meridian Post", "Northfield Courier", WIRE)}),
    ("too early for a summit date", {"Harbor Daily": "%too early%summit%", "The Meridian Post": "%too early%summit%", WIRE: "%premature%summit%"}),
    ("extraordinary opportunities", {WIRE: "%extraordinary opportunities%", "Northfield Courier": "%extraordinary%opportunities%"}),
    ("bridge collapsed during the festival", {o: "%bridge over the Wren River collapsed%" for o in
                                             ("Civic Wire", "Harbor Daily", "Northfield Courier", "The Meridian Post")}),
    ("hearts are with every family", {o: "%hearts are with every family%" for o in ("Harbor Daily", "Northfield Courier")}),
    ("closed two weeks last year", {o: "%closed for two weeks last year%" for o in ("The Meridian Post", "Civic Wire")}),
    ("injured taken to Calder General", {o: "%injured were taken to Calder General%" for o in ("The Meridian Post", "Northfield Courier")}),
    ("7-4 vote for the bond", {o: "%7-4%" for o in ("Civic Wire", "Harbor Daily", "Northfield Courier", "The Meridian Post")}),
    ("November referendum", {o: "%referendum in November%" for o in ("Harbor Daily", "Northfield Courier", "The Meridian Post")}
     | {"Civic Wire": "%November referendum%"}),
    ("a direct response to the collapse", {o: "%direct response to%collapse%" for o in ("Harbor Daily", "The Meridian Post", "Civic Wire")}),
    ("property taxes", {o: "%property taxes for homeowners%" for o in ("Harbor Daily", "The Meridian Post", "Northfield Courier")}),
    ("delegations of negotiators", {"Civic Wire": "Both sides agreed to form delegations of negotiators%",
                                    WIRE: "%both parties agreed to form specific delegations%"}),
    ("Wren River footbridge rebuilt first", {"Harbor Daily": "%replace the Wren River footbridge first%",
                                             "Civic Wire": "%Wren River footbridge will be the first to be rebuilt%"}),
    ("no one else trapped", {"Northfield Courier": "%no one else trapped%", "Civic Wire": "%no one else trapped%"}),
]
# Planted facts the pipeline does not yet bring together, with the reason; strict, so a fix
# shows up as a test to move into PLANTED_SAME.
KNOWN_MISSES = [
    pytest.param("independent investigation",
                 {"Harbor Daily": "%launch an independent investigation%", "Civic Wire": "%promised an independent investigation%"},
                 marks=pytest.mark.xfail(strict=True, reason="'promised' is not recognised as an attribution cue, so Civic Wire's "
                                                             "claim keeps 'Mayor Denise Okafor promised' (issue: attribution)")),
    pytest.param("EU seat at the table",
                 {"Harbor Daily": "%European Union will have to take a seat%", WIRE: "%all interested parties%seat%"},
                 marks=pytest.mark.xfail(strict=True, reason="the seed states the broader 'all interested parties, including the EU'")),
]


def _clusters(con, outlet: str, pattern: str) -> set:
    rows = con.execute("""SELECT cc.cluster_id FROM v_claim_clusters cc
                          WHERE cc.source = ? AND cc.claim_text ILIKE ?""", [outlet, pattern]).fetchall()
    assert rows, f"no clustered claim of {outlet} matches {pattern!r}"
    return {r[0] for r in rows}


@pytest.mark.parametrize("fact,claims", [pytest.param(f, c, id=f) for f, c in PLANTED_SAME] + KNOWN_MISSES)
def test_planted_same_claims_share_one_cluster(seeded_warehouse, fact, claims):
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        sets = [_clusters(con, outlet, pat) for outlet, pat in claims.items()]
    finally:
        con.close()
    assert set.intersection(*sets), f"{fact}: {sets}"


@pytest.mark.parametrize("value_a,value_b,outlets_a,outlets_b", [
    ("4.5 hour", "3 hour", {"Civic Wire", WIRE}, {"Northfield Courier"}),
    ("12 people", "15 people", {"Northfield Courier"}, {"Harbor Daily"}),
])
def test_every_planted_contradiction_is_found_for_every_outlet_carrying_each_value(seeded_warehouse, value_a, value_b,
                                                                                  outlets_a, outlets_b):
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        rows = con.execute("SELECT source_a, value_a, source_b, value_b FROM v_contradictions WHERE kind = 'number'").fetchall()
    finally:
        con.close()
    pairs = set()
    for sa, va, sb, vb in rows:
        if (va, vb) == (value_a, value_b):
            pairs.add((sa, sb))
        elif (va, vb) == (value_b, value_a):
            pairs.add((sb, sa))
    assert pairs == {(a, b) for a in outlets_a for b in outlets_b}


def test_no_contradiction_beyond_the_planted_ones(seeded_warehouse):
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        kinds = con.execute("SELECT DISTINCT value_a, value_b FROM v_contradictions").fetchall()
    finally:
        con.close()
    assert {tuple(sorted(k)) for k in kinds} <= {("3 hour", "4.5 hour"), ("12 people", "15 people")}


def test_one_first_reporter_everywhere(seeded_warehouse):
    """v_clusters, v_claim_timeline and v_reporting_lag name the same first reporter, and
    the planted first reporter of each event is the first outlet of its story."""
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        mismatch = con.execute("""
            SELECT count(*) FROM v_clusters k JOIN v_claim_timeline t ON t.cluster_id = k.cluster_id AND t.position = 1
            WHERE t.source <> k.first_reporter""").fetchall()[0][0]
        lag = con.execute("""SELECT count(*) FROM v_reporting_lag WHERE is_first AND source <> first_reporter""").fetchall()[0][0]
        stories = dict(con.execute("SELECT first_title, first_outlet FROM v_stories").fetchall())
        talks = con.execute("""SELECT first_reporter FROM v_clusters
                               WHERE representative_text ILIKE '%lasted four and a half%'""").fetchall()
    finally:
        con.close()
    assert mismatch == 0 and lag == 0
    assert sorted(stories.values()) == ["Civic Wire", "Northfield Courier", "The Meridian Post"]  # E1, E2, E3
    assert talks == [("Civic Wire",)]


def test_each_seed_event_is_one_story(seeded_warehouse):
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        sizes = sorted(r[0] for r in con.execute("SELECT n_articles FROM v_stories").fetchall())
    finally:
        con.close()
    assert sizes == [4, 4, 5]  # E2 and E3 (3 papers + a Civic Wire feed line each), E1 (4 outlets + the real seed)


def test_corroborated_and_exclusive_count_clusters_the_same_way(seeded_warehouse):
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        s = con.execute("SELECT corroborated_clusters, exclusive_claims, clusters FROM v_summary").fetchall()[0]
        n_corr = con.execute("SELECT count(*) FROM v_corroborated_claims").fetchall()[0][0]
        n_excl = con.execute("SELECT count(DISTINCT cluster_id), count(*) FROM v_exclusive_claims").fetchall()[0]
    finally:
        con.close()
    assert s[0] == n_corr and s[1] == n_excl[0] == n_excl[1]  # one row per exclusive claim (cluster)
    assert s[0] + s[1] == s[2]  # every cluster is either corroborated or exclusive
