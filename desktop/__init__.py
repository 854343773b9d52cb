"""快回 QuickReply — a quick-reply assistant for e-commerce customer service."""

__version__ = "0.1.0"
