"""Who is using the app: local login with backoff, or OpenID Connect via st.login.

Every page asks `current_actor()` through `layout.start_page`, which refuses the page itself
when the actor lacks the right — so a page opened directly by URL is checked as well.
"""

from __future__ import annotations

import html
import time

import streamlit as st

from goals import access
from goals.access import Actor
from goals.i18n import t
from goals.ui.frame import context

_KEY = "goals_login"  # session_state: {"name": str, "at": float}


def sso_configured() -> bool:
    """True when an OpenID Connect provider is configured in .streamlit/secrets.toml ([auth])."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return False


def current_actor(lang: str) -> Actor | None:
    """The logged-in actor, the demo actor when no users exist, or None (anonymous)."""
    sso = sso_configured()
    email = str(st.user.get("email") or "") if sso and st.user.get("is_logged_in") else ""
    login = {} if sso else (st.session_state.get(_KEY) or {})
    seen = access.visitor(
        context.engine(),
        sso=sso,
        email=email,
        name=login.get("name"),
        account_id=login.get("id"),
        age_seconds=time.time() - login["at"] if login else 0.0,
    )
    if seen.ended == "unknown_sso":
        st.error(t("auth.unknown_sso", lang, email=email))
    elif seen.ended in ("expired", "replaced"):
        st.session_state.pop(_KEY, None)
        if seen.ended == "expired":
            st.info(t("auth.expired", lang))
    return seen.actor


def login_form(lang: str, key: str = "login") -> None:
    """A login form (local accounts) or the single sign-on button (OpenID Connect)."""
    if sso_configured():
        if st.button(t("auth.sso", lang), key=f"{key}-sso", type="primary"):
            st.login()
        return
    with st.form(key):
        name = st.text_input(t("auth.name", lang), key=f"{key}-name")
        password = st.text_input(t("auth.password", lang), type="password", key=f"{key}-password")
        submitted = st.form_submit_button(t("auth.login", lang), type="primary")
    if submitted:
        result = access.authenticate(
            engine=context.engine(), name=name, password=password, client=_client_address()
        )
        if result.actor is None:
            if result.message == "locked":
                st.error(t("auth.locked", lang, seconds=result.retry_after_seconds))
            else:
                st.error(t("auth.wrong", lang))
            return
        st.session_state[_KEY] = {
            "name": result.actor.name,
            "id": result.actor.id,
            "at": time.time(),
        }
        st.rerun()


def _client_address() -> str:
    """The address the browser connects from, for counting failed logins per client. Streamlit
    gives none for a browser on the same machine (and no text in AppTest): the local client."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else access.LOCAL_CLIENT


def logout() -> None:
    st.session_state.pop(_KEY, None)
    if sso_configured() and st.user.get("is_logged_in"):
        st.logout()


def sidebar_status(actor: Actor | None, lang: str) -> None:
    """Who is logged in, with a log-out button; a login form for anonymous visitors; and the
    link to the installation's accessibility statement (GOALS_ACCESSIBILITY_URL)."""
    from goals import config

    address = config.settings().accessibility_url
    if address:
        st.sidebar.markdown(
            f'<a href="{html.escape(address, quote=True)}" target="_blank" rel="noopener" '
            f'style="color:#0B5394">{html.escape(t("a11y.statement", lang))}</a>',
            unsafe_allow_html=True,
        )
    with st.sidebar:
        if actor is None:
            with st.expander(t("auth.login", lang)):
                login_form(lang, key="sidebar-login")
        elif not actor.demo:
            st.caption(
                t("auth.signed_in_as", lang, name=actor.name, role=t(f"role.{actor.role}", lang))
            )
            if st.button(t("auth.logout", lang), key="logout"):
                logout()
                st.rerun()
