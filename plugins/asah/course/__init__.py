"""The course model: framework, lessons, prerequisites and learning paths, free of MkDocs."""
