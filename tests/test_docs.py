"""Docs that cannot drift: the README names every command."""

from pathlib import Path

import typer.main

from blocs.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_readme_shows_every_command():
    names = typer.main.get_command(app).commands
    assert [n for n in names if f"blocs {n}" not in README] == []


def test_the_readme_names_the_two_set_up_commands():
    assert "make run" in README and "make test" in README
