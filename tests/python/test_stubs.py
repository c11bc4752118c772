"""The type stubs and docstrings cover the whole package: every public name is in __init__.pyi
with the same members as the module, and every class, function and method says what it does."""

import ast
import inspect
import pathlib

import talash


def stub_tree():
    return ast.parse((pathlib.Path(talash.__file__).parent / "__init__.pyi").read_text())


def public_members(cls):
    return {n for n in vars(cls) if not n.startswith("_")}


def test_every_public_name_has_a_stub_with_its_members():
    stubs = {}
    for node in stub_tree().body:
        if isinstance(node, ast.ClassDef):
            stubs[node.name] = {
                n.name if isinstance(n, (ast.FunctionDef, ast.ClassDef)) else n.target.id
                for n in node.body if isinstance(n, (ast.FunctionDef, ast.AnnAssign))}
        elif isinstance(node, ast.FunctionDef):
            stubs[node.name] = set()
    for name in talash.__all__:
        assert name in stubs, f"{name} has no stub"
        obj = getattr(talash, name)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            missing = public_members(obj) - {m for m in stubs[name] if not m.startswith("_")}
            assert not missing, f"{name}: no stub for {sorted(missing)}"


def test_every_public_name_and_member_has_a_docstring():
    for name in talash.__all__:
        obj = getattr(talash, name)
        assert (obj.__doc__ or "").strip(), f"{name} has no docstring"
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member in public_members(obj):
                lines = (getattr(obj, member).__doc__ or "").strip().splitlines()
                # pybind11 puts the signature first: the docstring is what follows it.
                if lines and lines[0].startswith(member + "("):
                    lines = lines[1:]
                assert "".join(lines).strip(), f"{name}.{member} has no docstring"
