"""The `asah/competencies` plugin: framework, lessons, competency pages and course.json."""
