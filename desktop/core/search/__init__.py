"""Finding phrases: text folding, pinyin keys and the ranked in-memory index.

Pure computation on strings, with no storage of its own: the store keeps each
phrase's folded keys in the file and builds a ``SearchIndex`` from them when it
opens, and queries walk that index.  Only ``base`` lies below it.
"""
