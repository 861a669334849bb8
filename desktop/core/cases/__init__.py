"""Matters: mediation cases (调解案件) and later parties, sittings, minutes and outcomes."""
