"""`asah report`: the training unit's report from many learners' export files (docs/report.md).

Small pure modules: `sources` finds the files (folders, zip files), `records` reads and checks
one file, `derive` counts a learner's record by the course's rules (as the browser does),
`learners` merges the files of one learner, `store` aggregates with DuckDB, `privacy` suppresses
small cells, `sections` shapes each part of the report, `svg` draws its pictures, `render` writes
the HTML and CSV files; `run` puts them together."""
