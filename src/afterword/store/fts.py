"""SQLite FTS5: the full-text index over entries and how queries are written for it.

SQLite-only SQL lives here. The index is an external-content table over ``entries`` kept in step
by triggers, so it is inside the encrypted file like everything else.
"""

from __future__ import annotations

from afterword.domain.entries import SearchQuery

CREATE = [
    "CREATE VIRTUAL TABLE entries_fts USING fts5("
    "title, body, content='entries', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    # Merge segments in larger steps: faster bulk imports, same query speed once merged.
    "INSERT INTO entries_fts(entries_fts, rank) VALUES ('automerge', 8)",
    "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]

DROP = [
    "DROP TRIGGER IF EXISTS entries_fts_au",
    "DROP TRIGGER IF EXISTS entries_fts_ad",
    "DROP TRIGGER IF EXISTS entries_fts_ai",
    "DROP TABLE IF EXISTS entries_fts",
]

# Snippet markers: characters that never come from the tokenizer, turned into spans afterwards.
OPEN = "\x02"
CLOSE = "\x03"
SNIPPET_TOKENS = 24


def match_expression(query: SearchQuery) -> str:
    """An FTS5 MATCH string in which every term is quoted, so no input is a syntax error."""
    parts = []
    for term in query.terms:
        quoted = '"' + term.text.replace('"', '""') + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " AND ".join(parts)
