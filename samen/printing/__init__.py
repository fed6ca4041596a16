"""Printables: postcards, flyers, wish cards and PDF reports (WeasyPrint), and PDF jobs."""
