"""Shared Streamlit pieces: the only part of goals that imports streamlit."""
