"""The Klyngeprofil page (AppTest): members, key figures and the text sections of a cluster;
the secretariat (demo mode: everyone administers) edits a section and chooses key figures."""

from __future__ import annotations

from goals import store
from goals.catalogue.profile import cluster_profile

PAGE = "pages/klyngeprofil.py"


def test_the_profile_of_a_cluster(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, cluster="MIDT")
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Viborg Kommune" in text and "Hospitalsenhed Midt" in text
    assert "Tilbud" in text and "Udfordringer" in text
    english = run_app(sqlite_demo_url, PAGE, cluster="MIDT", lang="en")
    assert not english.exception
    assert "Municipalities" in " ".join(m.value for m in english.markdown)


def test_the_secretariat_edits_a_section_and_chooses_key_figures(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, cluster="MIDT")
    area = next(a for a in at.text_area if a.label == "Tilbud")
    area.set_value("Rygestop i alle tre kommuner.\n<script>x</script>")
    at.button(key="FormSubmitter:profile-tilbud-Gem").click().run()
    assert not at.exception, at.exception
    saved = cluster_profile(engine=store.get_engine(sqlite_demo_url), cluster="MIDT")
    assert saved.sections["tilbud"] == "Rygestop i alle tre kommuner.\n<script>x</script>"
    assert "&lt;script&gt;" in " ".join(m.value for m in at.markdown)  # shown as text
    at.multiselect[0].set_value(["RYG-01"])
    at.button(key="FormSubmitter:profile-key-figures-Gem").click().run()
    assert not at.exception, at.exception
    assert [m.label for m in at.metric] == ["Daglige rygere, 16+ år"]
