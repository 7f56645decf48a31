"""Exports of the product: chart images (PNG/SVG) for PowerPoint and downloads."""
