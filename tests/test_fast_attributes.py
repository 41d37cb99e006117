"""The lookup attribute ruler annotates exactly as spaCy's own ``attribute_ruler``."""

import pytest
import spacy

from claimtrack.claims import fast_attributes
from claimtrack.claims.nlp import SPACY_PACKAGE, get_nlp

pytestmark = pytest.mark.usefixtures("nlp")

# Written for this test: every kind of rule the English ruler has (tag maps, words with a
# tag, dependency-dependent morphology, two-token lemma rules, whitespace tokens).
TEXTS = [
    "The mayor said on Tuesday that the bridge, which opened in 1998, will be rebuilt by 2027.",
    "I told them it wasn't over; you know it, and they know it too.",
    "We're gonna win this, y'all, and I ain't leaving. Let's go! C'mon, gotta run.",
    "There is no plan. There are 3.5 million reasons, and there's a 40% chance it gets done.",
    "Do you have it?  He did.   She has had enough, but he got what he wanted.",
    "  Leading spaces\n\nand a blank line\t with a tab.",
    "Which one? That which was promised: the ones that they had wanted, not these.",
    "\"It's destructive,\" said Sen. Jane Doe (D-Ore.), who has served since 2009.",
]


def annotations(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_same_annotations_as_spacys_ruler():
    reference = spacy.load(SPACY_PACKAGE)
    assert "attribute_ruler" in reference.pipe_names
    fast = get_nlp()
    assert type(fast.get_pipe("attribute_ruler")).__name__ == "FastAttributeRuler"
    for ref_doc, doc in zip(reference.pipe(TEXTS), fast.pipe(TEXTS)):
        assert annotations(doc) == annotations(ref_doc)


def test_later_rules_override_earlier_ones_as_in_spacy():
    # "I" as a subject: a tag rule sets PRP's morphology, a later word+dependency rule refines it
    doc = get_nlp()("I said it.")
    assert doc[0].morph.get("Case") == ["Nom"] and doc[0].pos_ == "PRON"
    doc = get_nlp()("We are gonna win.")
    assert [t.lemma_ for t in doc[2:4]] == ["go", "to"]


def test_unsupported_rules_keep_spacys_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})
    assert fast_attributes.install(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
