"""Importers that turn the public O*NET and BLS files into rows of the career database."""
