"""``python -m goals profile CODE``: a cluster's profile (members, key figures, text sections)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from goals import store
from goals.catalogue import Catalogue
from goals.catalogue.profile import SECTIONS, cluster_profile
from goals.cli.common import EXIT_ERROR, EXIT_OK, write_output
from goals.i18n import format_number, t


def show(args: argparse.Namespace) -> int:
    engine = store.open_store()
    catalogue = Catalogue.read(engine)
    profile = cluster_profile(
        engine=engine, cluster=args.cluster, lang=args.lang, catalogue=catalogue
    )
    if args.pptx:
        from goals.present.deck import profile_deck
        from goals.present.pptx import deck_to_pptx

        deck = profile_deck(profile, sources=catalogue.indicator_sources(args.lang))
        if not write_output(Path(args.pptx), deck_to_pptx(deck), args.lang):
            return EXIT_ERROR
        message = t("profile.deck.written", args.lang, path=args.pptx, n=len(deck.slides))
        print(message, file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(profile.to_json(), ensure_ascii=False))
        return EXIT_OK
    lang = args.lang
    print(f"{profile.name} ({profile.cluster})")
    print()
    print(t("profile.members", lang))
    for member in profile.members:
        print(f"  {member.code:<10} {member.name}")
    print()
    print(t("profile.key_figures", lang))
    if not profile.key_figures:
        print(f"  {t('profile.no_key_figures', lang)}")
    for k in profile.key_figures:
        value = (
            f"{format_number(k.value, k.decimals, lang)} {k.unit} ({k.period})"
            if k.value is not None
            else t("profile.no_value", lang)
        )
        print(f"  {k.name}: {value}")
    for section in SECTIONS:
        print()
        print(t(f"profile.section.{section}", lang))
        print(profile.sections[section] or t("profile.empty_section", lang))
    return EXIT_OK
