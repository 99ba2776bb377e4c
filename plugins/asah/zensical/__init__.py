"""Asah on Zensical, which runs Python-Markdown extensions but no plugins: the course is
prepared beside the author's files (stage.py) and rendered through a Markdown extension
(extension.py); run.py runs Zensical for `asah build` and `asah serve`."""
