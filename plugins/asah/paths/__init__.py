"""The `asah/paths` plugin: learning paths, the learner's progress and self-assessment."""
