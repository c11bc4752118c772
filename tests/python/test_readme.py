"""The Python that the README and examples/python show runs as shown."""

import subprocess
import sys

from conftest import env_path


def test_the_readme_example_runs_and_finds_its_note_across_scripts(tmp_path):
    readme = (env_path("TALASH_SOURCE_DIR") / "README.md").read_text()
    section = readme[readme.index("## Embedding"):]
    code = section[section.index("```python\n") + len("```python\n"):]
    code = code[:code.index("```")]
    assert "import talash" in code
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "notes.txt: [Enver] [Pasha] reached Dushanbe in 1922."


def test_the_example_tabulates_hits_per_language_on_the_bundled_corpus(tmp_path):
    source = env_path("TALASH_SOURCE_DIR")
    done = subprocess.run(
        [sys.executable, str(source / "examples/python/hits_per_language.py"),
         str(source / "corpus"), "Enver Pasha", "انور پاشا", "-only"],
        cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("4 documents")
    rows = {line[:16].strip(): line[16:].split() for line in lines if line[:16].strip()}
    # Both spellings of the name find passages in all three languages.
    for query in ("Enver Pasha", "انور پاشا"):
        ur, fa, en = (int(n) for n in rows[query][:3])
        assert ur > 0 and fa > 0 and en > 0, rows[query]
    assert rows["-only"][0] == "refused:"
    assert any(line.startswith("[fa] ") and "[انور]" in line for line in lines)
