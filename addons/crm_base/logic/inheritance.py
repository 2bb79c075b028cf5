"""Which models extend a mixin: the hooks of crm_base (timeline, meetings,
RGPD, ...) find the models of other addons this way. Plain Python: it only
reads the registry it is given (a mapping of model names to model classes)."""


def models_inheriting(registry, mixin):
    """Names of the models inheriting `mixin`, directly or through another
    model, nearest first (breadth-first), without the mixin itself."""
    names, todo = [], [mixin]
    while todo:
        name = todo.pop(0)
        if name in names or name not in registry:
            continue
        names.append(name)
        todo.extend(registry[name]._inherit_children)
    return names[1:]
