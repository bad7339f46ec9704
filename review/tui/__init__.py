"""The terminal interface: the only package of `review` that imports textual."""
