"""The office (mediation committee or notary office) a store belongs to: its name, number prefixes
and the one-transaction setup of a new store."""
