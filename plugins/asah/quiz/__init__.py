"""Self-check quizzes: banks, the `/// quiz` Markdown extension, and the `asah/quiz` plugin."""
