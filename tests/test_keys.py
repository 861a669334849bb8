"""Seal keys, certificates, encrypted key files, PKCS#12 import and signatures, checked with openssl too."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.trust.pki import certificates, key_files
from desktop.core.trust.pki.certificates import (
    certificate_fingerprint,
    certificate_pem,
    load_certificate_pem,
    new_signing_key,
)
from desktop.core.trust.pki.key_files import decrypt_private_key, encrypt_private_key, reencrypt_private_key
from desktop.core.trust.pki.pkcs12 import ImportedKey, load_pkcs12
from desktop.core.trust.pki.signatures import sign, verify

OPENSSL = "/usr/bin/openssl"
NOW = datetime(2026, 11, 25, 12, 34, 56, 123456, tzinfo=UTC)
COMMON_NAME = "张三"
ORGANIZATION = "云南省知识产权调解中心"
PASSWORD = "correct horse 电池 staple"
P12_PASSWORD = "导入口令-2026"
DER = serialization.Encoding.DER
PEM = serialization.Encoding.PEM
SPKI = serialization.PublicFormat.SubjectPublicKeyInfo
PKCS8 = serialization.PrivateFormat.PKCS8


def _openssl(arguments: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    assert Path(OPENSSL).exists(), "openssl is required for these checks"
    return subprocess.run([OPENSSL, *arguments], cwd=cwd, capture_output=True, text=True, check=False)


# --- fixtures ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seal() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    return new_signing_key(COMMON_NAME, ORGANIZATION, NOW)


@pytest.fixture(scope="module")
def key_file(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> bytes:
    return encrypt_private_key(seal[0], PASSWORD)


@dataclass(frozen=True)
class Pki:
    """A small CA, an end-entity P-256 key and certificate it issued, and PKCS#12 files good and bad."""

    ca_key: ec.EllipticCurvePrivateKey
    ca_certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    p12: bytes
    passwordless_p12: bytes
    rsa_p12: bytes
    p384_p12: bytes
    no_key_p12: bytes
    no_certificate_p12: bytes
    mismatched_p12: bytes
    expired_p12: bytes
    expired_not_after: datetime
    future_p12: bytes
    encipher_only_p12: bytes


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "测试 CA 机构"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _usage(*, signing: bool = True, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=signing, content_commitment=signing, key_encipherment=not signing,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def _issue(ca_key: ec.EllipticCurvePrivateKey, issuer: x509.Name, public_key: object, common_name: str, *,
           not_before: datetime = NOW - timedelta(days=30), not_after: datetime = NOW + timedelta(days=365),
           signing: bool = True, ca: bool = False) -> x509.Certificate:
    return (x509.CertificateBuilder()
            .subject_name(_name(common_name)).issuer_name(issuer)
            .public_key(public_key)  # type: ignore[arg-type]
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(_usage(signing=signing, ca=ca), critical=True)
            .sign(ca_key, hashes.SHA256()))


def _pack(key: object, certificate: x509.Certificate | None, cas: Sequence[x509.Certificate] = (),
          password: str | None = P12_PASSWORD) -> bytes:
    encryption = (serialization.BestAvailableEncryption(password.encode()) if password
                  else serialization.NoEncryption())
    return pkcs12.serialize_key_and_certificates(b"seal", key, certificate, list(cas) or None,  # type: ignore[arg-type]
                                                 encryption)


@pytest.fixture(scope="module")
def test_pki() -> Pki:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("测试根 CA")
    ca_certificate = (x509.CertificateBuilder()
                      .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
                      .serial_number(x509.random_serial_number())
                      .not_valid_before(NOW - timedelta(days=3650))
                      .not_valid_after(NOW + timedelta(days=3650))
                      .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                      .add_extension(_usage(signing=False, ca=True), critical=True)
                      .sign(ca_key, hashes.SHA256()))

    def issue(public_key: object, common_name: str, **options: object) -> x509.Certificate:
        return _issue(ca_key, ca_name, public_key, common_name, **options)  # type: ignore[arg-type]

    key = ec.generate_private_key(ec.SECP256R1())
    certificate = issue(key.public_key(), "李四 公证员")
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    p384_key = ec.generate_private_key(ec.SECP384R1())
    other_key = ec.generate_private_key(ec.SECP256R1())
    expired_key = ec.generate_private_key(ec.SECP256R1())
    expired_not_after = NOW - timedelta(days=1, seconds=7)
    return Pki(
        ca_key=ca_key, ca_certificate=ca_certificate, key=key, certificate=certificate,
        p12=_pack(key, certificate, [ca_certificate]),
        passwordless_p12=_pack(key, certificate, password=None),
        rsa_p12=_pack(rsa_key, issue(rsa_key.public_key(), "RSA")),
        p384_p12=_pack(p384_key, issue(p384_key.public_key(), "P-384")),
        no_key_p12=_pack(None, None, [certificate, ca_certificate]),
        no_certificate_p12=_pack(key, None),
        mismatched_p12=_pack(key, None, [issue(other_key.public_key(), "someone else")]),
        expired_p12=_pack(expired_key, issue(expired_key.public_key(), "expired",
                                             not_before=NOW - timedelta(days=400),
                                             not_after=expired_not_after)),
        expired_not_after=expired_not_after,
        future_p12=_pack(other_key, issue(other_key.public_key(), "future",
                                          not_before=NOW + timedelta(days=2))),
        encipher_only_p12=_pack(other_key, issue(other_key.public_key(), "encipher", signing=False)),
    )


# --- new keys and certificates ----------------------------------------------------------------------
def test_certificate_fields(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    key, certificate = seal
    assert isinstance(key.curve, ec.SECP256R1)
    assert certificate.version is x509.Version.v3
    assert certificate.subject == certificate.issuer
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == COMMON_NAME
    assert certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == ORGANIZATION
    # The organization is a UTF8String (tag 0x0C) in the DER, not an escaped or Latin-1 form.
    organization = ORGANIZATION.encode("utf-8")
    assert bytes([0x0C, len(organization)]) + organization in certificate.subject.public_bytes()
    assert certificate.serial_number > 0
    assert certificate.signature_hash_algorithm is not None
    assert certificate.signature_hash_algorithm.name == "sha256"
    certificate.verify_directly_issued_by(certificate)  # self-signed with its own key
    assert certificate.public_key() == key.public_key()


def test_certificate_validity_is_five_years(
        seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    _, certificate = seal
    assert certificate.not_valid_before_utc == NOW.replace(microsecond=0)
    assert certificate.not_valid_after_utc == datetime(2031, 11, 25, 12, 34, 56, tzinfo=UTC)
    assert certificates.CERTIFICATE_VALIDITY_YEARS == 5


def test_validity_from_a_leap_day_and_another_time_zone() -> None:
    beijing = timezone(timedelta(hours=8))
    leap_day = datetime(2028, 3, 1, 4, 0, tzinfo=beijing)  # 29 February 20:00 UTC
    _, certificate = new_signing_key("王五", "机构", leap_day)
    assert certificate.not_valid_before_utc == datetime(2028, 2, 29, 20, 0, tzinfo=UTC)
    assert certificate.not_valid_after_utc == datetime(2033, 2, 28, 20, 0, tzinfo=UTC)


def test_certificate_extensions(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    key, certificate = seal
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature and usage.value.content_commitment
    assert not (usage.value.key_encipherment or usage.value.data_encipherment or usage.value.key_agreement
                or usage.value.key_cert_sign or usage.value.crl_sign)
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.value.ca is False
    identifier = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert identifier == x509.SubjectKeyIdentifier.from_public_key(key.public_key())


def test_every_new_key_is_different() -> None:
    first_key, first = new_signing_key(COMMON_NAME, ORGANIZATION, NOW)
    second_key, second = new_signing_key(COMMON_NAME, ORGANIZATION, NOW)
    assert first.serial_number != second.serial_number
    assert first_key.private_numbers().private_value != second_key.private_numbers().private_value


@pytest.mark.parametrize(("common_name", "organization", "field"), [
    ("", ORGANIZATION, "common_name"),
    ("   ", ORGANIZATION, "common_name"),
    ("张" * 22, ORGANIZATION, "common_name"),
    ("x" * 65, ORGANIZATION, "common_name"),
    ("张三\n李四", ORGANIZATION, "common_name"),
    (COMMON_NAME, "", "organization"),
    (COMMON_NAME, "机" * 65, "organization"),
    (COMMON_NAME, "机构\t名称", "organization"),
])
def test_bad_names_are_refused(common_name: str, organization: str, field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        new_signing_key(common_name, organization, NOW)
    assert refused.value.fields["field"] == field
    assert "64" in refused.value.message


def test_longest_names_and_naive_time() -> None:
    _, certificate = new_signing_key(" " + "张" * 21 + "x ", "机" * 64, NOW)
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "张" * 21 + "x"
    assert certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "机" * 64
    with pytest.raises(InvalidInput, match="no time zone"):
        new_signing_key(COMMON_NAME, ORGANIZATION, datetime(2026, 11, 25, 12, 0))


# --- encrypted key files ----------------------------------------------------------------------------
def test_key_file_round_trip(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
                             key_file: bytes) -> None:
    key, _ = seal
    opened = decrypt_private_key(key_file, PASSWORD)
    assert opened.private_numbers() == key.private_numbers()


def test_key_file_format(key_file: bytes) -> None:
    document = json.loads(key_file)
    assert document["format"] == "mediseal-private-key"
    assert document["version"] == 1
    assert document["content"] == "PKCS#8 DER"
    assert document["kdf"]["name"] == "scrypt"
    assert (document["kdf"]["n"], document["kdf"]["r"], document["kdf"]["p"]) == \
        (key_files.SCRYPT_N, key_files.SCRYPT_R, key_files.SCRYPT_P) == (2**15, 8, 1)
    assert len(base64.b64decode(document["kdf"]["salt"])) == 16
    assert document["cipher"] == {"name": "AES-256-GCM", "nonce": document["cipher"]["nonce"]}
    assert len(base64.b64decode(document["cipher"]["nonce"])) == 12
    assert len(base64.b64decode(document["password_check"])) == 32


def test_each_encryption_uses_fresh_salt_and_nonce(
        seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], key_file: bytes) -> None:
    again = json.loads(encrypt_private_key(seal[0], PASSWORD))
    first = json.loads(key_file)
    assert again["kdf"]["salt"] != first["kdf"]["salt"]
    assert again["cipher"]["nonce"] != first["cipher"]["nonce"]
    assert again["ciphertext"] != first["ciphertext"]


def _decoded_fields(document: object) -> list[bytes]:
    """Every base64 text in the key file, decoded."""
    if isinstance(document, dict):
        return [found for value in document.values() for found in _decoded_fields(value)]
    if isinstance(document, str):
        try:
            return [base64.b64decode(document, validate=True)]
        except ValueError:
            return []
    return []


def test_key_file_holds_no_unencrypted_private_key(
        seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], key_file: bytes) -> None:
    key, _ = seal
    scalar = key.private_numbers().private_value.to_bytes(32, "big")
    plain_forms = [
        scalar,
        key.private_bytes(DER, PKCS8, serialization.NoEncryption()),
        key.private_bytes(DER, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()),
    ]
    decoded = _decoded_fields(json.loads(key_file))
    assert len(decoded) == 4  # salt, password check, nonce, ciphertext
    for plain in plain_forms:
        assert plain not in key_file
        assert base64.b64encode(plain) not in key_file
        assert scalar.hex().encode() not in key_file
        for field in decoded:
            assert plain not in field
    assert b"PRIVATE KEY" not in key_file


def test_wrong_password_is_not_allowed(key_file: bytes) -> None:
    for wrong in ("wrong", PASSWORD.upper(), PASSWORD + " ", ""):
        with pytest.raises(NotAllowed) as refused:
            decrypt_private_key(key_file, wrong)
        assert refused.value.message == "The password does not unlock this key."


def test_password_is_compared_in_nfc(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    blob = encrypt_private_key(seal[0], "caf\u00e9")  # é as one code point
    assert decrypt_private_key(blob, "cafe\u0301").private_numbers() == seal[0].private_numbers()


def _edit(blob: bytes, change: object) -> bytes:
    document = json.loads(blob)
    change(document)  # type: ignore[operator]
    return json.dumps(document).encode()


def _flip_byte(text: str, index: int) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


@pytest.mark.parametrize("damage", [
    pytest.param(lambda blob: _edit(blob, lambda d: d.update(ciphertext=_flip_byte(d["ciphertext"], 5))),
                 id="ciphertext-byte"),
    pytest.param(lambda blob: _edit(blob, lambda d: d.update(ciphertext=_flip_byte(d["ciphertext"], -1))),
                 id="tag-byte"),
    pytest.param(lambda blob: _edit(blob, lambda d: d["cipher"].update(
        nonce=_flip_byte(d["cipher"]["nonce"], 0))),
                 id="nonce-byte"),
    pytest.param(lambda blob: _edit(blob, lambda d: d.update(ciphertext=d["ciphertext"][:-8])), id="short"),
    pytest.param(lambda blob: _edit(blob, lambda d: d.update(ciphertext="AAAA")), id="too-short"),
    pytest.param(lambda blob: _edit(blob, lambda d: d.update(ciphertext="not base64!")), id="not-base64"),
    pytest.param(lambda blob: _edit(blob, lambda d: d.pop("password_check")), id="missing-field"),
    pytest.param(lambda blob: _edit(blob, lambda d: d["kdf"].update(n=2**40)), id="scrypt-too-costly"),
    pytest.param(lambda blob: _edit(blob, lambda d: d["kdf"].update(n=30000)), id="scrypt-n-not-power-of-2"),
    pytest.param(lambda blob: _edit(blob, lambda d: d["kdf"].update(p="1")), id="scrypt-p-text"),
    pytest.param(lambda blob: _edit(blob, lambda d: d["kdf"].update(name="pbkdf2")), id="other-kdf"),
    pytest.param(lambda blob: _edit(blob, lambda d: d.update(format="something")), id="other-format"),
    pytest.param(lambda blob: blob[: len(blob) // 2], id="truncated"),
    pytest.param(lambda blob: b"", id="empty"),
    pytest.param(lambda blob: b"{not json", id="garbage-json"),
    pytest.param(lambda blob: b"\xff\xfe\x00garbage", id="not-utf8"),
    pytest.param(lambda blob: b"[1, 2, 3]", id="json-list"),
])
def test_damaged_key_file_is_invalid_input(key_file: bytes, damage: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        decrypt_private_key(damage(key_file), PASSWORD)  # type: ignore[operator]
    assert refused.value.message == "The key file is damaged and cannot be read; restore it from a backup."
    assert refused.value.fields["reason"]


def test_newer_key_file_version_is_named(key_file: bytes) -> None:
    with pytest.raises(InvalidInput) as refused:
        decrypt_private_key(_edit(key_file, lambda d: d.update(version=2)), PASSWORD)
    assert refused.value.fields == {"version": "2"}


def test_scrypt_cost_is_read_from_the_file(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
                                           key_file: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**14)
    cheaper = encrypt_private_key(seal[0], PASSWORD)
    assert json.loads(cheaper)["kdf"]["n"] == 2**14
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**16)
    # Files written with other costs still open: each records its own.
    assert decrypt_private_key(cheaper, PASSWORD).private_numbers() == seal[0].private_numbers()
    assert decrypt_private_key(key_file, PASSWORD).private_numbers() == seal[0].private_numbers()


def test_reencrypt_with_a_new_password(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
                                       key_file: bytes) -> None:
    renewed = reencrypt_private_key(key_file, PASSWORD, "新的口令 2027")
    assert decrypt_private_key(renewed, "新的口令 2027").private_numbers() == seal[0].private_numbers()
    with pytest.raises(NotAllowed):
        decrypt_private_key(renewed, PASSWORD)
    with pytest.raises(NotAllowed):
        reencrypt_private_key(key_file, "not the old one", "whatever")
    with pytest.raises(InvalidInput):
        reencrypt_private_key(key_file, PASSWORD, "")


def test_only_p256_keys_with_a_password_are_stored(
        seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    with pytest.raises(InvalidInput) as refused:
        encrypt_private_key(seal[0], "")
    assert refused.value.fields == {"field": "password"}
    with pytest.raises(InvalidInput) as refused:
        encrypt_private_key(ec.generate_private_key(ec.SECP384R1()), PASSWORD)
    assert refused.value.message == "Seals need an ECDSA P-256 key, not EC secp384r1."
    with pytest.raises(InvalidInput, match="RSA-2048"):
        encrypt_private_key(rsa.generate_private_key(public_exponent=65537, key_size=2048),  # type: ignore[arg-type]
                            PASSWORD)


# --- PKCS#12 import ---------------------------------------------------------------------------------
def test_pkcs12_import(test_pki: Pki) -> None:
    imported = load_pkcs12(test_pki.p12, P12_PASSWORD, NOW)
    assert isinstance(imported, ImportedKey)
    assert imported.key.private_numbers() == test_pki.key.private_numbers()
    assert imported.certificate == test_pki.certificate
    assert imported.chain == (test_pki.ca_certificate,)
    imported.certificate.verify_directly_issued_by(imported.chain[0])
    signature = sign(imported.key, b"sealed")
    assert verify(imported.certificate, b"sealed", signature)
    with pytest.raises(AttributeError):
        imported.key = test_pki.key  # type: ignore[misc]


def test_pkcs12_without_a_password(test_pki: Pki) -> None:
    imported = load_pkcs12(test_pki.passwordless_p12, "", NOW)
    assert imported.certificate == test_pki.certificate and imported.chain == ()


def test_pkcs12_wrong_password(test_pki: Pki) -> None:
    for wrong in ("wrong", "", P12_PASSWORD + "x"):
        with pytest.raises(NotAllowed) as refused:
            load_pkcs12(test_pki.p12, wrong, NOW)
        assert refused.value.message == "The password does not open this PKCS#12 file."


def test_not_a_pkcs12(test_pki: Pki, key_file: bytes) -> None:
    for data in (b"", b"garbage", certificate_pem(test_pki.certificate),
                 test_pki.certificate.public_bytes(DER), key_file, test_pki.p12[:-1], test_pki.p12[:40]):
        for password in (P12_PASSWORD, ""):
            with pytest.raises(InvalidInput) as refused:
                load_pkcs12(data, password, NOW)
            assert refused.value.message == "The file is not a PKCS#12 (.p12 or .pfx) file."


def _tlv(data: bytes, at: int) -> tuple[int, bytes, int]:
    """One DER element at ``at``: its tag, its value and where the next element starts (X.690 §8.1)."""
    tag, first = data[at], data[at + 1]
    at += 2
    if first < 0x80:
        length = first
    else:
        size = first & 0x7F
        length = int.from_bytes(data[at:at + size], "big")
        at += size
    return tag, data[at:at + length], at + length


def _definite(tag: int, length: int) -> bytes:
    if length < 0x80:
        return bytes((tag, length))
    size = (length.bit_length() + 7) // 8
    return bytes((tag, 0x80 | size)) + length.to_bytes(size, "big")


def _ber(der: bytes) -> bytes:
    """The same elements with every constructed one in the indefinite-length form (X.690 §8.1.3.6), as
    some CA tools write PKCS#12 files; primitive values (the MAC-covered content among them) unchanged."""
    out, at = bytearray(), 0
    while at < len(der):
        tag, value, at = _tlv(der, at)
        if tag & 0x20:
            out += bytes((tag, 0x80)) + _ber(value) + b"\0\0"  # end-of-contents
        else:
            out += _definite(tag, len(value)) + value
    return bytes(out)


def test_ber_encoded_pkcs12_that_cryptography_reads_is_accepted(test_pki: Pki, tmp_path: Path) -> None:
    ber = _ber(test_pki.p12)
    assert ber != test_pki.p12 and ber[:2] == b"\x30\x80"
    (tmp_path / "ber.p12").write_bytes(ber)  # a well-formed PKCS#12 for OpenSSL as well
    shown = _openssl(["pkcs12", "-in", "ber.p12", "-passin", f"pass:{P12_PASSWORD}", "-nokeys"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # cryptography's BER fallback warning stays out of the user's way
        imported = load_pkcs12(ber, P12_PASSWORD, NOW)
    assert imported.key.private_numbers() == test_pki.key.private_numbers()
    assert imported.certificate == test_pki.certificate
    with pytest.raises(NotAllowed, match="password does not open"):
        load_pkcs12(ber, "wrong", NOW)


@pytest.mark.parametrize(("name", "message"), [
    ("no_key_p12", "The PKCS#12 file holds no private key."),
    ("no_certificate_p12", "The PKCS#12 file holds no certificate."),
    ("rsa_p12", "The key in the PKCS#12 file is RSA-2048; seals need an ECDSA P-256 key."),
    ("p384_p12", "The key in the PKCS#12 file is EC secp384r1; seals need an ECDSA P-256 key."),
    ("mismatched_p12", "The certificate in the PKCS#12 file does not belong to its private key."),
    ("encipher_only_p12",
     "The certificate in the PKCS#12 file does not allow digital signatures (key usage)."),
])
def test_unusable_pkcs12_is_refused(test_pki: Pki, name: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        load_pkcs12(getattr(test_pki, name), P12_PASSWORD, NOW)
    assert refused.value.message == message


def test_not_yet_valid_certificate_is_refused(test_pki: Pki) -> None:
    with pytest.raises(InvalidInput) as refused:
        load_pkcs12(test_pki.future_p12, P12_PASSWORD, NOW)
    assert refused.value.message == ("The certificate in the PKCS#12 file is not valid before "
                                     "2026-11-27T12:34:56.000000Z.")


def test_expired_certificate_is_refused_naming_its_end(test_pki: Pki) -> None:
    with pytest.raises(InvalidInput) as refused:
        load_pkcs12(test_pki.expired_p12, P12_PASSWORD, NOW)
    not_after = format_time(test_pki.expired_not_after.replace(microsecond=0))
    assert refused.value.fields == {"not_after": not_after}
    assert refused.value.message == f"The certificate in the PKCS#12 file expired on {not_after}."
    # The same file was fine while the certificate was valid.
    assert load_pkcs12(test_pki.expired_p12, P12_PASSWORD, NOW - timedelta(days=2)).chain == ()


def test_pkcs12_made_by_openssl(tmp_path: Path, test_pki: Pki) -> None:
    """A PKCS#12 written by the openssl tool, as a CA would hand it over, imports."""
    (tmp_path / "key.pem").write_bytes(test_pki.key.private_bytes(PEM, PKCS8, serialization.NoEncryption()))
    (tmp_path / "cert.pem").write_bytes(certificate_pem(test_pki.certificate))
    (tmp_path / "ca.pem").write_bytes(certificate_pem(test_pki.ca_certificate))
    made = _openssl(["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-certfile", "ca.pem",
                     "-passout", f"pass:{P12_PASSWORD}", "-out", "seal.p12"], tmp_path)
    assert made.returncode == 0, made.stderr
    imported = load_pkcs12((tmp_path / "seal.p12").read_bytes(), P12_PASSWORD, NOW)
    assert imported.certificate == test_pki.certificate
    assert imported.chain == (test_pki.ca_certificate,)
    with pytest.raises(NotAllowed):
        load_pkcs12((tmp_path / "seal.p12").read_bytes(), "wrong", NOW)


def test_pkcs12_with_a_swapped_certificate(tmp_path: Path, test_pki: Pki) -> None:
    """A key bag next to a certificate bag holding someone else's certificate (written without a MAC)."""
    (tmp_path / "key.pem").write_bytes(test_pki.key.private_bytes(PEM, PKCS8, serialization.NoEncryption()))
    (tmp_path / "cert.pem").write_bytes(certificate_pem(test_pki.certificate))
    made = _openssl(["pkcs12", "-export", "-nomac", "-keypbe", "NONE", "-certpbe", "NONE", "-inkey",
                     "key.pem", "-in", "cert.pem", "-passout", "pass:", "-out", "plain.p12"], tmp_path)
    assert made.returncode == 0, made.stderr
    plain = (tmp_path / "plain.p12").read_bytes()
    assert load_pkcs12(plain, "", NOW).certificate == test_pki.certificate
    original = test_pki.certificate.public_bytes(DER)
    while True:  # another key's certificate of the same DER length, so the PKCS#12 stays well formed
        other = _issue(test_pki.ca_key, test_pki.ca_certificate.subject,
                       ec.generate_private_key(ec.SECP256R1()).public_key(), "李四 公证员")
        if len(other.public_bytes(DER)) == len(original):
            break
    swapped = plain.replace(original, other.public_bytes(DER))
    with pytest.raises(InvalidInput) as refused:
        load_pkcs12(swapped, "", NOW)
    assert refused.value.message == "The certificate in the PKCS#12 file does not belong to its private key."


# --- signatures -------------------------------------------------------------------------------------
def test_sign_and_verify(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    key, certificate = seal
    data = canonical_bytes({"type": "evidence_item", "version": 1, "name": "网页截图.png"})
    signature = sign(key, data)
    assert signature[0] == 0x30  # a DER SEQUENCE (r, s)
    assert verify(certificate, data, signature)
    assert verify(key.public_key(), data, signature)
    assert sign(key, data) != signature  # ECDSA is randomised; both verify
    assert verify(certificate, data, sign(key, data))


def test_verify_rejects_tampering_and_never_raises(
        seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], test_pki: Pki) -> None:
    key, certificate = seal
    data = b'{"type":"checkpoint","version":1}'
    signature = sign(key, data)
    flipped = bytearray(signature)
    flipped[-1] ^= 0x01
    assert not verify(certificate, data + b" ", signature)
    assert not verify(certificate, data.replace(b"1", b"2"), signature)
    assert not verify(certificate, data, bytes(flipped))
    for malformed in (b"", b"\x30\x00", b"\x30", signature[:-1], signature + b"\x00", b"\x00" * 64):
        assert not verify(certificate, data, malformed)
    assert not verify(test_pki.certificate, data, signature)  # someone else's certificate
    rsa_bundle = pkcs12.load_pkcs12(test_pki.rsa_p12, P12_PASSWORD.encode())
    assert rsa_bundle.cert is not None
    rsa_certificate = rsa_bundle.cert.certificate
    assert not verify(rsa_certificate, data, signature)
    p384 = ec.generate_private_key(ec.SECP384R1())
    assert not verify(p384.public_key(), data, p384.sign(data, ec.ECDSA(hashes.SHA256())))


def test_sign_refuses_other_keys() -> None:
    with pytest.raises(InvalidInput):
        sign(ec.generate_private_key(ec.SECP384R1()), b"data")


# --- certificate helpers ----------------------------------------------------------------------------
def test_fingerprint_and_pem(seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    _, certificate = seal
    fingerprint = certificate_fingerprint(certificate)
    assert fingerprint == hashlib.sha256(certificate.public_bytes(DER)).hexdigest()
    pem = certificate_pem(certificate)
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----\n")
    assert load_certificate_pem(pem) == certificate


@pytest.mark.parametrize("data", [
    b"", b"garbage", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"])
def test_load_certificate_pem_refuses_garbage(data: bytes) -> None:
    with pytest.raises(InvalidInput) as refused:
        load_certificate_pem(data)
    assert refused.value.message == "The file does not hold a readable PEM certificate."


# --- checked with openssl, as an outside verifier would -------------------------------------------
def test_openssl_verifies_a_seal(tmp_path: Path,
                                 seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    key, certificate = seal
    record = canonical_bytes({"type": "evidence_item", "version": 1, "case": "(2026)云知调字第0001号",
                              "sha256": hashlib.sha256(b"evidence").hexdigest(), "amount": "1234.50"})
    (tmp_path / "pub.pem").write_bytes(certificate.public_key().public_bytes(PEM, SPKI))
    (tmp_path / "record.json").write_bytes(record)
    (tmp_path / "record.sig").write_bytes(sign(key, record))
    verify_command = ["dgst", "-sha256", "-verify", "pub.pem", "-signature", "record.sig", "record.json"]

    verified = _openssl(verify_command, tmp_path)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.strip() == "Verified OK"

    (tmp_path / "record.json").write_bytes(record.replace(b"1234.50", b"9234.50"))
    tampered = _openssl(verify_command, tmp_path)
    assert tampered.returncode != 0
    assert "Verified OK" not in tampered.stdout

    # The public key openssl takes from the certificate is the same pub.pem.
    (tmp_path / "cert.pem").write_bytes(certificate_pem(certificate))
    extracted = _openssl(["x509", "-in", "cert.pem", "-pubkey", "-noout"], tmp_path)
    assert extracted.stdout.encode() == (tmp_path / "pub.pem").read_bytes()


def test_openssl_reads_the_certificate(tmp_path: Path,
                                       seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    _, certificate = seal
    (tmp_path / "cert.pem").write_bytes(certificate_pem(certificate))
    text = _openssl(["x509", "-in", "cert.pem", "-noout", "-text"], tmp_path)
    assert text.returncode == 0, text.stderr
    lines = [line.strip() for line in text.stdout.splitlines()]
    assert "Version: 3 (0x2)" in lines
    assert "X509v3 Key Usage: critical" in lines
    assert lines[lines.index("X509v3 Key Usage: critical") + 1] == "Digital Signature, Non Repudiation"
    assert "X509v3 Basic Constraints: critical" in lines and "CA:FALSE" in lines
    assert "X509v3 Subject Key Identifier:" in lines
    assert "NIST CURVE: P-256" in lines
    assert "Signature Algorithm: ecdsa-with-SHA256" in lines
    assert "Not Before: Nov 25 12:34:56 2026 GMT" in lines and "Not After : Nov 25 12:34:56 2031 GMT" in lines
    # By default openssl escapes non-ASCII bytes: they are the UTF-8 of the Chinese organization.
    escaped = "".join(f"\\{byte:02X}" for byte in ORGANIZATION.encode("utf-8"))
    assert f"O = {escaped}" in text.stdout
    readable = _openssl(["x509", "-in", "cert.pem", "-noout", "-text", "-nameopt", "oneline,-esc_msb"],
                        tmp_path)
    assert f"Subject: O = {ORGANIZATION}, CN = {COMMON_NAME}" in readable.stdout
    assert f"Issuer: O = {ORGANIZATION}, CN = {COMMON_NAME}" in readable.stdout


def test_openssl_fingerprint_matches(tmp_path: Path,
                                     seal: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    _, certificate = seal
    (tmp_path / "cert.pem").write_bytes(certificate_pem(certificate))
    shown = _openssl(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    shown_hex = shown.stdout.strip().split("=", 1)[1].replace(":", "").lower()
    assert shown_hex == certificate_fingerprint(certificate)
