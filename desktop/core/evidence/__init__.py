"""Electronic evidence (电子数据): items and their acquisition, content sniffing, intake into the
vault, read-out, seals and preservation records."""
