"""Spreadsheets in general: reading any workbook safely (size, zip and extent guards, python-calamine),
parsing cells, and writing cells that no spreadsheet will run as a formula."""
