"""A real RFC 3161 timestamp authority on 127.0.0.1 for tests: an HTTP handler that answers each query with
``openssl ts -reply``, signed by a test TSA certificate (ECDSA P-256, extendedKeyUsage timeStamping and
critical, RFC 3161 §2.3) issued by a test CA made here with cryptography.

``TestTSA.mode`` makes it misbehave: ``slow`` (answers after ``delay`` seconds), ``garbage`` (bytes that are
no answer), ``other-digest`` (signs another digest than asked), ``wrong-nonce`` (answers with another
nonce), ``http-error`` (500), ``eku-not-critical`` (the TSA certificate swapped for one of the same
key whose extendedKeyUsage is not critical), ``other-certificate`` (swapped for a good certificate of the
same key, which the token's signing-certificate attribute does not name). ``stop()`` leaves the port
closed (the authority is down).
"""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from asn1crypto import cms, tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CONFIG = """\
[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = {folder}
serial = $dir/tsaserial
crypto_device = builtin
signer_cert = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
clock_precision_digits = 0
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Mediseal test TSA")])


def _usage(**allowed: bool) -> x509.KeyUsage:
    names = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
             "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")
    return x509.KeyUsage(**{name: allowed.get(name, False) for name in names})


def make_pki(folder: Path, *, critical: bool = True) -> Path:
    """A test CA (``ca.pem``) and TSA (``tsa.pem``, ``tsa.key``) in ``folder``, with the ``openssl ts``
    config ``ts.cnf``; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC) - timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test Root CA")).issuer_name(_name("Test Root CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now).not_valid_after(now + timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(_usage(key_cert_sign=True, crl_sign=True), critical=True)
          .sign(ca_key, hashes.SHA256()))
    tsa_key = ec.generate_private_key(ec.SECP256R1())
    tsa = (x509.CertificateBuilder().subject_name(_name("Test TSA")).issuer_name(ca.subject)
           .public_key(tsa_key.public_key()).serial_number(x509.random_serial_number())
           .not_valid_before(now).not_valid_after(now + timedelta(days=30))
           .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=critical)
           .add_extension(_usage(digital_signature=True, content_commitment=True), critical=True)
           .sign(ca_key, hashes.SHA256()))
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "tsa.pem").write_bytes(tsa.public_bytes(serialization.Encoding.PEM))
    (folder / "ca.key").write_bytes(ca_key.private_bytes(serialization.Encoding.PEM,
                                                         serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    (folder / "tsa.key").write_bytes(tsa_key.private_bytes(serialization.Encoding.PEM,
                                                           serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))
    (folder / "tsaserial").write_text("01\n")
    (folder / "ts.cnf").write_text(CONFIG.format(folder=folder))
    return folder


class TestTSA:
    """The authority: ``url`` to post to; ``mode`` and ``delay`` change how it answers."""

    __test__ = False  # not a pytest class

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mode = "ok"
        self.delay = 0.0
        self.answered = 0
        self._lock = threading.Lock()
        authority = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status, body = authority.answer(query, self.headers.get("Content-Type", ""))
                self.send_response(status)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/tsa"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> TestTSA:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, query: bytes, content_type: str) -> tuple[int, bytes]:
        mode = self.mode
        if mode == "slow":
            time.sleep(self.delay)
        if mode == "garbage":
            return 200, b"<html>not a timestamp</html>"
        if mode == "http-error":
            return 500, b"internal error"
        if content_type != "application/timestamp-query":
            return 400, b"wrong content type"
        if mode in ("other-digest", "wrong-nonce"):
            parsed = tsp.TimeStampReq.load(query)
            if mode == "other-digest":
                parsed["message_imprint"]["hashed_message"] = bytes(32)
            else:
                parsed["nonce"] = parsed["nonce"].native + 1
            query = parsed.dump(force=True)
        with self._lock, tempfile.TemporaryDirectory() as scratch:
            query_file = Path(scratch) / "query.tsq"
            reply_file = Path(scratch) / "reply.tsr"
            query_file.write_bytes(query)
            subprocess.run(["openssl", "ts", "-reply", "-config", str(self.folder / "ts.cnf"),
                            "-queryfile", str(query_file), "-out", str(reply_file)],
                           check=True, capture_output=True)
            self.answered += 1
            reply = reply_file.read_bytes()
        if mode in ("eku-not-critical", "other-certificate"):
            reply = self._with_certificate(reply, critical=mode == "other-certificate")
        return 200, reply

    def _with_certificate(self, reply: bytes, *, critical: bool) -> bytes:
        """The reply with its TSA certificate swapped for one of the same key, issuer and serial whose
        timeStamping extendedKeyUsage is ``critical`` or not (the signature over the token still checks)."""
        from asn1crypto import x509 as asn1_x509

        parsed = tsp.TimeStampResp.load(reply)
        signed = parsed["time_stamp_token"]["content"]
        original = x509.load_der_x509_certificate(signed["certificates"][0].chosen.dump())
        ca_key = serialization.load_pem_private_key((self.folder / "ca.key").read_bytes(), None)
        assert isinstance(ca_key, ec.EllipticCurvePrivateKey)
        builder = (x509.CertificateBuilder().subject_name(original.subject).issuer_name(original.issuer)
                   .public_key(original.public_key()).serial_number(original.serial_number)
                   .not_valid_before(original.not_valid_before_utc)
                   .not_valid_after(original.not_valid_after_utc)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                                  critical=critical))
        weak = builder.sign(ca_key, hashes.SHA256())
        signed["certificates"] = [cms.CertificateChoices(
            "certificate", asn1_x509.Certificate.load(weak.public_bytes(serialization.Encoding.DER)))]
        return bytes(parsed.dump(force=True))
