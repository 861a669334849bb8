"""What leaves Mediseal for others to check: inclusion and consistency proofs now, court packages,
import and backup later."""
