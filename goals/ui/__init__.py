"""The pages' pieces, and the only part of goals that imports streamlit: the page frame
(`frame/`: layout, context, auth, navigation, startup, URL state), one view module per page
(`*_view.py`, the shared status badges and facts in `status_view`), the administration page's
tabs (`admin/`) and `markup` (people's text made inert in HTML)."""
