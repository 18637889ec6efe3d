"""Accessible charts rendered as inline SVG, with text alternatives and data tables."""

from afterword.charts.svg import Chart, Series, bar_chart, line_chart

__all__ = ["Chart", "Series", "bar_chart", "line_chart"]
