"""The shipped generators, one module per section or grade; importing this package registers them all.

Every module in this package is imported, so a new module needs no line here.
"""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")
