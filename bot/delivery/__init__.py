"""Delivery logic: pacing, error classification and audience specs (pure, no I/O).

``recipients`` resolves an audience spec to chats through the storage queries.
"""
