"""Builds the talash package's extension module with CMake (see pyproject.toml for the command).

The module is CMake's _talash target (python/CMakeLists.txt) over the static libtalash; setuptools
only places the file it makes in the package. TALASH_BUILD_DIR names an existing build tree to
build it in; otherwise a tree of its own is configured under build/python-setuptools/, with only
the library and the module (Release).
"""

import os
import pathlib
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        tree = os.environ.get("TALASH_BUILD_DIR")
        if tree:
            tree = pathlib.Path(tree).resolve()
        else:
            tree = SCRATCH / "cmake"
            subprocess.run(
                ["cmake", "-S", str(ROOT), "-B", str(tree), "-DCMAKE_BUILD_TYPE=Release",
                 "-DTALASH_BUILD_PYTHON=ON", "-DTALASH_BUILD_TESTS=OFF", "-DTALASH_BUILD_CLI=OFF",
                 "-DTALASH_BUILD_BENCH=OFF", "-DTALASH_BUILD_EXAMPLES=OFF", "-DTALASH_INSTALL=OFF",
                 f"-DPython_EXECUTABLE={sys.executable}"],
                check=True)
        jobs = str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", str(tree), "--target", "_talash", "-j", jobs],
                       check=True)
        built = sorted((tree / "python" / "talash").glob("_talash*.so"))
        if not built:
            raise RuntimeError(f"CMake built no _talash module under {tree}/python/talash")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(built[-1]), str(target))


SCRATCH = ROOT / "build" / "python-setuptools"
SCRATCH.mkdir(parents=True, exist_ok=True)

setup(
    ext_modules=[CMakeExtension("talash._talash")],
    cmdclass={"build_ext": CMakeBuild},
    # setuptools' own scratch space, beside CMake's, out of the source tree.
    options={"build": {"build_base": str(SCRATCH)}, "egg_info": {"egg_base": str(SCRATCH)}},
)
