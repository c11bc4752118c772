"""The README's Python example (the ```python block of its Embedding section) runs as shown."""

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
