"""The questions the base answers. Every face (CLI, API, pages) calls these."""

from .catalog import organizations, show, states
from .history import diff, timeline, why
from .membership import cell_label, matrix, matrix_frame, members, memberships
from .overlap import member_sets, overlap

__all__ = ["members", "memberships", "matrix", "matrix_frame", "cell_label", "timeline",
           "diff", "why", "overlap", "member_sets", "organizations", "states", "show"]
