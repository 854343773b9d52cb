"""Data files shipped with QuickReply (installed as the package ``desktop.resources``)."""
