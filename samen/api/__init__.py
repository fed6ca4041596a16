"""The versioned JSON API (django-ninja) and the organisations' API keys."""
