"""What the base says, to look at: plots (matplotlib, Agg backend, PNG/SVG/PDF) and
one-page briefs (HTML, Markdown, PDF) with every fact footnoted to its source."""
