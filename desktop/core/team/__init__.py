"""Sharing one library across a team: subscriptions, fetching and signing packs.

A subscription mirrors a published pack as a read-only category subtree;
``fetch`` reads its source (URL or shared folder) cheaply, and ``signing``
proves who published it.  The top layer of the core: it uses the exchange
formats to read packs and the store to write them.
"""
