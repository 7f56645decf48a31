"""Selections that live in the URL, so a copied link opens the same view.

The URL holds stable codes (``?cluster=MIDT&track=KOL&lang=en``), never display labels, so a
link works in either language. Widgets read their value from the URL and write it back when
the user changes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st


def get(key: str, allowed: Sequence[str] | None = None, default: str | None = None) -> str | None:
    """The URL's value for `key` when it is one of `allowed` (or anything, without `allowed`)."""
    value = st.query_params.get(key)
    if value is None or (allowed is not None and value not in allowed):
        return default
    return value


def get_list(key: str, allowed: Sequence[str] | None = None) -> list[str]:
    """A list kept as one comma-separated parameter (``?groups=a,b``); unknown items dropped."""
    raw = st.query_params.get(key) or ""
    items = [item for item in raw.split(",") if item]
    return [item for item in items if allowed is None or item in allowed]


def put(key: str, value: str | Sequence[str] | None) -> None:
    """Write one parameter. A list becomes comma-separated, and an empty list stays as an empty
    parameter (``?areas=``: the user chose nothing, which differs from the default); None or
    an empty text removes the parameter."""
    if isinstance(value, (list, tuple)):
        joined = ",".join(value)
        if st.query_params.get(key) != joined:
            st.query_params[key] = joined
        return
    if value in (None, ""):
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def select(
    key: str,
    options: Mapping[str, str],
    *,
    label: str,
    default: str | None = None,
    container: object = st,
    help: str | None = None,
) -> str | None:
    """A selectbox over `options` (code → label) bound to the URL parameter `key`."""
    codes = list(options)
    if not codes:
        return None
    current = get(key, codes, default if default in codes else codes[0])
    widget_key = f"url:{key}"
    # the URL wins over a stale widget value (e.g. after following a link on the same page)
    if st.session_state.get(widget_key) != current:
        st.session_state[widget_key] = current

    def changed() -> None:
        put(key, st.session_state[widget_key])

    return container.selectbox(
        label,
        codes,
        format_func=options.__getitem__,
        key=widget_key,
        on_change=changed,
        help=help,
    )


def multiselect(
    key: str,
    options: Mapping[str, str],
    *,
    label: str,
    default: Sequence[str] = (),
    container: object = st,
) -> list[str]:
    """A multiselect over `options` bound to the URL parameter `key` (comma-separated codes)."""
    codes = list(options)
    current = get_list(key, codes) if key in st.query_params else [c for c in default if c in codes]
    widget_key = f"url:{key}"
    if st.session_state.get(widget_key) != current:
        st.session_state[widget_key] = current

    def changed() -> None:
        put(key, list(st.session_state[widget_key]))

    from goals.i18n import t
    from goals.ui.frame.context import language

    return container.multiselect(
        label,
        codes,
        format_func=options.__getitem__,
        key=widget_key,
        on_change=changed,
        placeholder=t("ui.choose_many", language()),  # Streamlit's own is English
    )


def link_params(**params: str | None) -> dict[str, str]:
    """Query parameters for a link to another page, keeping the language and the frozen
    meeting shown (``?meeting=N``)."""
    out = {k: v for k, v in params.items() if v}
    for kept in ("lang", "meeting"):
        value = st.query_params.get(kept)
        if value and kept not in out:
            out[kept] = value
    return out
