"""Windows for exchange with other offices and courts: exporting and checking court packages, importing
a package from another office, backup and restore of the data folder."""
