"""The ground floor: what every other part of the core stands on.

Domain errors and the translatable ``Message`` they carry, writing files whole
or not at all, and finding shipped resources the same way from source or a
frozen build.  Nothing here knows about phrases, the database or any feature,
so it imports nothing else from ``desktop.core``.
"""
