"""RFC 9162 §2.1.3.2 path check, stdlib only: python3 verify_path.py ENTRY.json PROOF.json CHECKPOINT.json"""
import hashlib
import json
import sys


def sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def fail(why: str) -> int:
    print("FAIL:", why)
    return 1


def main(entry_file: str, proof_file: str, checkpoint_file: str) -> int:
    with open(entry_file, "rb") as e, open(proof_file, "rb") as p, open(checkpoint_file, "rb") as c:
        entry, proof, checkpoint = e.read(), json.load(p), json.load(c)
    fn, sn, r = proof["leaf_index"], proof["tree_size"] - 1, sha(b"\x00" + entry)  # RFC 9162 §2.1.1
    if proof["tree_size"] != checkpoint["tree_size"] or not 0 <= fn <= sn:
        return fail("the proof is not for this checkpoint's tree")
    for node in map(bytes.fromhex, proof["inclusion_path"]):
        if sn == 0:
            return fail("the path is too long")
        if fn % 2 == 1 or fn == sn:
            r = sha(b"\x01" + node + r)
            while fn % 2 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = sha(b"\x01" + r + node)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0 or r.hex() != checkpoint["root_sha256"]:
        return fail("the path does not lead to the checkpoint's root")
    print("OK: the entry is leaf", proof["leaf_index"], "of the tree of", proof["tree_size"], "entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
