"""Metode: what every figure means, how impact is estimated, official rules vs conventions."""

import streamlit as st

from ui import state, widgets
from ui.texts.method import METHOD

widgets.page_header("method_title", "method_intro")
st.markdown(METHOD[state.lang()])
