"""The site as an installable web app that keeps saved learning paths readable offline: the web
app manifest and its icons, the service worker, the offline notice (the `asah/offline` plugin,
docs/decisions.md "Offline on purpose")."""
