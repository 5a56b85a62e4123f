"""More figure drawers, one module per grade or topic; every module here is imported by ``figures``."""
