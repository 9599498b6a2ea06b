"""One module per topic.  Each has `make(ctx)`, which writes definitions into
ctx.defs and registers the calls (and mutations) the driver loop makes."""
