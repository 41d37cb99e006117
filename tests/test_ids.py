from claimtrack.ids import content_hash, slugify, text_hash


def test_content_hash_is_stable_and_separates_parts():
    assert content_hash("a", "b") == content_hash("a", "b")
    assert content_hash("ab", "c") != content_hash("a", "bc")
    assert len(content_hash("x")) == 16


def test_text_hash_ignores_whitespace_differences():
    assert text_hash("The talks  lasted\nthree hours") == text_hash("The talks lasted three hours")
    assert text_hash("three hours") != text_hash("four hours")


def test_slugify_outlet_names():
    assert slugify("The Meridian Post") == "the-meridian-post"
    assert slugify("Ámbito  Financiero!") == "ambito-financiero"
    assert slugify("日本") != ""
