"""Præsentation: the status as a deck, one large chart or status table per screen.

The selection is in the URL (``?cluster=…&track=…&goal=…&slide=3&as_of=2023``);
``&mode=present`` hides the sidebar and Streamlit's chrome for screen-sharing. Arrow keys move
between slides. The deck is the same as ``python -m goals report`` writes (goals.present.deck).
"""

from goals.ui import present_view
from goals.ui.frame import layout

page = layout.start_page(need="view")
if page:
    present_view.show(page.catalogue, page.lang)
