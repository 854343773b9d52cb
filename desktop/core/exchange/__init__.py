"""Phrases going in and out of the library: packs, spreadsheets, handbook, statistics.

The ``quickreply.pack`` JSON format, the importer with its preview and conflict
policies (which also seeds a new library with the default phrases), the
``.xlsx``/``.csv`` formats, the printable handbook and the statistics export.
Built on the store's public API; never the other way round.
"""
