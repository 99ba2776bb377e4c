"""Search that speaks Indonesian: the glossary, the index, and the MkDocs plugin."""
