"""Samen: resident participation and community building for social-housing neighbourhoods."""
