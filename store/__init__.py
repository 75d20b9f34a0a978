"""The career database: SQLAlchemy models, read queries and the importers that build it."""
