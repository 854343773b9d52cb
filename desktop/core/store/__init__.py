"""The library file and everything that owns its SQL.

Opening the SQLite file, schema migrations, the ``Library`` with its category
tree, settings and usage, the undoable organising operations, backups, and the
checks that tell a damaged file from a healthy one.  Everything above reaches
the data through ``Library``'s methods; it uses ``search`` and ``text`` for
keys and placeholder checks, and ``base`` for errors and messages.
"""
