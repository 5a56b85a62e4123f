"""Trainer API (mounted under /api/v1/ from ``qalan.trainer.api_urls``)."""
