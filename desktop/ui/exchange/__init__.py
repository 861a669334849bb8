"""Windows for exchange with other offices and courts: importing a package (and, beside it, exporting,
checking a package, backup)."""
