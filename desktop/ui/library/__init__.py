"""The 话术库 window: category tree, phrase list and editor, with undo.

Kept import-light on purpose: the ``quickreply handbook`` command imports
``handbook_pdf`` from here without pulling in the window.
"""
