"""``python -m goals profile CODE``: a cluster's profile (members, key figures, text sections)."""

from __future__ import annotations

import argparse
import json

from goals import store
from goals.catalogue.profile import SECTIONS, cluster_profile
from goals.cli.common import EXIT_OK
from goals.i18n import format_number, t


def show(args: argparse.Namespace) -> int:
    profile = cluster_profile(engine=store.open_store(), cluster=args.cluster, lang=args.lang)
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
