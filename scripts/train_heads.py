"""Retrain the analysis heads: the same as `python -m afterword.analysis.train`."""

from afterword.analysis.train import main

if __name__ == "__main__":
    raise SystemExit(main())
