"""What a phrase says: placeholders and rendering, 话术质检 (lint), the current buyer.

Pure functions and small values over a phrase's text; nothing here reads or
writes the library, so the store (which checks placeholders on save), the
exchange formats and the UI can all use them.  Only ``base`` lies below it.
"""
