"""How values are shown: every status colour and icon, charts, the presentation deck and its
PowerPoint and chart images, and the tables behind indicator pages and downloads."""
