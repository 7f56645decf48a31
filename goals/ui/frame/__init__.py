"""The page frame every page stands in: configuration and access (layout), the cached engine,
catalogue and status report (context), login (auth), the page list (navigation), the server's
warm-up (startup) and the state kept in the URL (urlstate)."""
