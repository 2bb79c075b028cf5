# -*- coding: utf-8 -*-
"""Build a model class defined by a test into the registry for one block.

The hooks of crm_base (timeline, RGPD, ...) are proven with a model of the
test's own, as another addon would write it: the class has
``_register = False`` and is registered only inside ``with registered(...)``,
then removed again, its parents forgetting it too."""
from contextlib import contextmanager


@contextmanager
def registered(env, model_class, create_table=None):
    """Yield the model; ``create_table`` (SQL) makes its table for a model
    with ``_auto = False`` (the test's rollback drops it)."""
    registry = env.registry
    cls = model_class._build_model(registry, env.cr)
    model = env[cls._name]
    model._prepare_setup()
    model._setup_base()
    model._setup_fields()
    model._setup_complete()
    if create_table:
        env.cr.execute(create_table)
    try:
        yield model
    finally:
        del registry.models[cls._name]
        parents = cls._inherit if isinstance(cls._inherit, list) else [cls._inherit]
        for parent in parents + ["base"]:
            if parent in registry:
                registry[parent]._inherit_children.discard(cls._name)
