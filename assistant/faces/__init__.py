"""The faces over the core: the command line, plain mode, relief serve, batch screening and the Textual app."""
