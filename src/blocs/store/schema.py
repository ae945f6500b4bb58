"""The tables (SQLAlchemy Core). Plain types only, so PostgreSQL runs the schema unchanged.

Dates are ISO strings ('YYYY-MM-DD'): they sort and compare the same way in every
dialect, and partial dates keep their precision in a column beside them.
`spells` is derived from `claims` on every write and never edited by hand.
"""

from __future__ import annotations

from sqlalchemy import (Boolean, Column, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text)

metadata = MetaData()

meta = Table("meta", metadata,
             Column("key", String(64), primary_key=True),
             Column("value", Text, nullable=False))

sources = Table(
    "sources", metadata,
    Column("id", String(128), primary_key=True),
    Column("kind", String(16), nullable=False),      # reference | document | import
    Column("dataset", String(64), nullable=False),   # the voice a source speaks in
    Column("precedence", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("author", Text),
    Column("publisher", Text),
    Column("date", String(10)),
    Column("url", Text),
    Column("sha256", String(64)),
    Column("stated_as_of", String(10)),
    Column("origin", Text),                          # the file it was defined in
)

documents = Table(
    "documents", metadata,
    Column("id", String(128), primary_key=True),
    Column("source_id", String(128), ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
)

states = Table(
    "states", metadata,
    Column("id", String(8), primary_key=True),
    Column("name", Text, nullable=False),
    Column("official_name", Text),
    Column("cow_ccode", Integer),
    Column("cow_abbr", String(8)),
    Column("regex", Text),
    Column("historical", Boolean, nullable=False, default=False),
)

organizations = Table(
    "organizations", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("parent", String(64)),
    Column("aliases", Text, nullable=False, default="[]"),   # JSON list
)

claims = Table(
    "claims", metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("subject", String(64)),
    Column("object", String(64)),
    Column("role", String(32)),
    Column("event", String(16)),
    Column("date_lo", String(10)),
    Column("date_hi", String(10)),
    Column("source_id", String(128), ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("status", String(16), nullable=False, default="accepted"),
    Column("alternative", Boolean, nullable=False, default=False),
    Column("origin", Text),                  # file:line it was read from
    Column("data", Text, nullable=False),    # the claim as JSON (the interchange format)
)
Index("ix_claims_pair", claims.c.object, claims.c.subject)
Index("ix_claims_source", claims.c.source_id)

spells = Table(
    "spells", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(8), nullable=False),
    Column("org", String(64), nullable=False),
    Column("role", String(32), nullable=False),    # a role, or 'none' for a stated absence
    Column("frozen", Boolean, nullable=False, default=False),
    Column("start", String(10)),
    Column("start_precision", String(8)),
    Column("start_qualifier", String(8)),
    Column("start_lo", String(10), nullable=False),
    Column("start_hi", String(10), nullable=False),
    Column("end", String(10)),
    Column("end_precision", String(8)),
    Column("end_qualifier", String(8)),
    Column("end_lo", String(10)),
    Column("end_hi", String(10)),
    Column("end_kind", String(8)),                 # leave | silent (the source stops speaking)
    Column("voice", String(128), nullable=False),
    Column("precedence", Integer, nullable=False),
    Column("stated_as_of", String(10)),
    Column("claim_ids", Text, nullable=False),     # JSON list
    Column("source_ids", Text, nullable=False),    # JSON list
    Column("run", Text, nullable=False),           # JSON: since/until of the role-class run
)
Index("ix_spells_org", spells.c.org, spells.c.start_lo)
Index("ix_spells_state", spells.c.state, spells.c.start_lo)

# voices that speak for every state of an organization (absence = not a member)
complete_voices = Table(
    "complete_voices", metadata,
    Column("voice", String(128), primary_key=True),
    Column("org", String(64), primary_key=True),
    Column("precedence", Integer, nullable=False),
    Column("speaks_until", String(10)),    # first day it no longer speaks (an import's end)
)

# review decisions, append-only: the extraction as it was, the reviewer's edit, who, when
reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), nullable=False),
    Column("decision", String(16), nullable=False),   # accepted | rejected | edited
    Column("reviewer", String(128), nullable=False),
    Column("at", String(32), nullable=False),         # ISO timestamp, UTC
    Column("before", Text, nullable=False),           # the claim as it was (JSON)
    Column("after", Text),                            # the edited claim (JSON), for edits
    Column("new_claim_id", String(32)),               # the claim an edit created
    Column("note", Text),
)
Index("ix_reviews_claim", reviews.c.claim_id)

# A Correlates of War import: what its year panel needs besides the claims to be written
# back cell for cell (blocs/interop/cow.py). The rows of both axes (IGO-years, state-years)
# and the cells the claims do not give (missing data, COW's own exceptions), as runs.
cow_rows = Table(
    "cow_rows", metadata,
    Column("axis", String(8), primary_key=True),     # igo | state
    Column("key", String(64), primary_key=True),     # COW ioname | ccode
    Column("years", Text, nullable=False),           # JSON list: the years it has a row
    Column("pos", Text),                             # JSON list: each row's place in the file
    Column("data", Text),                            # JSON by column: a value, or a list (per row)
)

cow_cells = Table(
    "cow_cells", metadata,
    Column("ioname", String(64), primary_key=True),
    Column("ccode", Integer, primary_key=True),     # -1: every state (no data that year)
    Column("year_from", Integer, primary_key=True),
    Column("year_to", Integer, nullable=False),
    Column("code", Integer),                         # NULL: an empty cell
)
