"""LMS packages of a course (`asah package`): the site built for an LMS's frame, with the runtime
that reports the learner's progress to the LMS. One module per standard (`scorm12.py`,
`cmi5.py`); what they share — the unit a package reports on (`unit.py`), the build
(`build.py`), the zip (`archive.py`) and the MkDocs plugin that puts the runtime in
(`plugin.py`) — beside them."""
