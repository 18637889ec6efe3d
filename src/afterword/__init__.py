"""Afterword: a private, local-first companion for the aftermath of intimacy with the wrong
person."""

__version__ = "0.1.0"
