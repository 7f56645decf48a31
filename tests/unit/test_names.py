from goals.names import NameIndex, name_key


def test_name_key_ignores_case_accents_spaces_and_hyphens():
    assert name_key("Midt-klyngen") == name_key("midtklyngen") == name_key(" MIDT KLYNGEN ")
    assert name_key("Gødstrupklyngen") == "goedstrupklyngen"
    assert name_key("Café") == "cafe"


def test_index_finds_aliases_and_both_spellings_of_danish_letters():
    index = NameIndex()
    index.add(
        "R-S", "Ringkøbing-Skjern Kommune", "Ringkøbing-Skjern", label="Ringkøbing-Skjern Kommune"
    )
    assert index.get("ringkobing skjern") == "R-S"
    assert index.get("Ringkoebing-Skjern Kommune") == "R-S"
    assert index.get("Skjern") is None


def test_ambiguous_names_resolve_to_nothing():
    index = NameIndex()
    index.add("a", "Midt", label="A")
    index.add("b", "Midt", label="B")
    assert index.get("midt") is None


def test_suggestions_offer_the_closest_label():
    index = NameIndex()
    index.add("m", "Midtklyngen", "Klynge Midt", label="Midtklyngen")
    index.add("v", "Vestklyngen", label="Vestklyngen")
    index.add("vk", "Viborg Kommune", "Viborg", label="Viborg Kommune")
    assert index.suggest("Midtklyngn")[0] == "Midtklyngen"
    assert index.suggest("Vibrg") == ["Viborg Kommune"]
    assert index.suggest("zzzz") == []
