"""Odoo model classes read from the source with ``ast`` (no Odoo import), for
the repository checks of tests/plain."""
import ast


def class_attrs(node):
    """{name: value} of the literal class attributes of the class ``node``
    (``_name``, ``_inherit``, ...); an attribute that is not a literal is None."""
    attrs = {}
    for statement in node.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name):
            try:
                attrs[statement.targets[0].id] = ast.literal_eval(statement.value)
            except ValueError:
                attrs[statement.targets[0].id] = None
    return attrs


def inherit_list(attrs):
    """The class's ``_inherit`` as a list."""
    inherit = attrs.get("_inherit") or []
    return [inherit] if isinstance(inherit, str) else list(inherit)
