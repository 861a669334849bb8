"""Public-key material: ECDSA P-256 keys and X.509 certificates, encrypted key files, PKCS#12
import and the signatures seals are made of. Pure cryptography, no database."""
