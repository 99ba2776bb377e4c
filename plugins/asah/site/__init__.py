"""The course site: everything Asah knows about a course, built once per build by code that does
not import MkDocs, and read by the MkDocs plugins, `asah check` and other engines alike."""
