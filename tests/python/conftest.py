"""Shared fixtures of the Python tests: a small index of the three scripts, and the paths CTest
passes in the environment (TALASH_SOURCE_DIR, TALASH_BUILD_DIR, TALASH_SET_METADATA)."""

import os
import pathlib

import pytest

import talash

ZWNJ = "\u200c"
# Persian with ZWNJ inside words and a diacritic (fatha) before the name, so that str offsets
# differ from byte offsets and from offsets counted without the invisible characters.
PERSIAN = "در سال ۱۹۲۲ م" + "\u064e" + "یلادی انور" + ZWNJ + "پاشا به دوشنبه رسید و کتاب" + ZWNJ + "ها را دید."
URDU = "انور پاشا ۱۹۲۲ میں دوشنبے پہنچے۔"
ENGLISH = "Enver Pasha reached Dushanbe in 1922.\n\nThe Basmachi fought on in the hills."


@pytest.fixture
def index(tmp_path):
    """An index of three documents, one per language; its path."""
    path = str(tmp_path / "index")
    with talash.IndexWriter(path) as writer:
        writer.add("fa.txt", PERSIAN)
        writer.add("ur.txt", URDU)
        writer.add("en.txt", ENGLISH, title="Enver")
    return path


def env_path(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run the Python tests through ctest")
    return pathlib.Path(value)
