"""The course model: framework, lessons, prerequisites and the catalogue, free of MkDocs."""
