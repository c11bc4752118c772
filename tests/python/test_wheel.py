"""The package as a user gets it: a wheel built from the source tree with pip (no package index,
no build isolation), installed into a fresh venv, imported from outside the tree."""

import os
import subprocess
import sys
import zipfile

from conftest import env_path


def run(args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_wheel_installs_into_a_fresh_venv_and_works_from_anywhere(tmp_path):
    source = env_path("TALASH_SOURCE_DIR")
    env = dict(os.environ, TALASH_BUILD_DIR=str(env_path("TALASH_BUILD_DIR")))
    env.pop("PYTHONPATH", None)
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps",
         "--quiet", "-w", str(wheels), str(source)], env=env, cwd=tmp_path)
    [wheel] = wheels.glob("talash-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for f in ("talash/__init__.py", "talash/__init__.pyi", "talash/py.typed"):
        assert f in names
    assert any(n.startswith("talash/_talash") and n.endswith(".so") for n in names)

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = str(venv / "bin" / "python")
    run([python, "-m", "pip", "install", "--no-index", "--quiet", str(wheel)], env=env)
    script = (
        "import talash, sys\n"
        "with talash.IndexWriter('ix') as w:\n"
        "    w.add('notes.txt', 'Enver Pasha reached Dushanbe in 1922.')\n"
        "hit = talash.Searcher('ix').search('انور پاشا')[0]\n"
        "print(talash.__file__)\n"
        "print(hit.snippet())\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = run([python, "-c", script], env=env, cwd=elsewhere).splitlines()
    assert out[0].startswith(str(venv))
    assert out[1] == "[Enver] [Pasha] reached Dushanbe in 1922."
