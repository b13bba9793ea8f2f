"""One module per format; each has ``read(ctx: ReadContext) -> Document``."""
