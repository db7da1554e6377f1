"""One module per public source: each declares its metadata and has a `run(ctx)` in three parts
(load the raw inputs, process them into canonical rows, return them for the build to save)."""
