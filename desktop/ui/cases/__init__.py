"""Cases in the window (the case list comes with the cases issue; now the new-case dialog)."""
