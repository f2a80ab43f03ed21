"""The load benchmarks' keys: bench-keys.py N DIR writes DIR/keys.jsonl (an import file of one
customer, one product and N keys, for the service's CLI) and DIR/ids.txt (the keys' ids, one a
line, for wrk's script). The same N gives the same ids in every run."""
import json
import random
import string
import sys

count, directory = int(sys.argv[1]), sys.argv[2]
alphabet = string.digits + string.ascii_letters
rng = random.Random(42)
ids = ["lic_" + "".join(rng.choice(alphabet) for _ in range(21)) for _ in range(count)]
with open(f"{directory}/keys.jsonl", "w") as out:
    print(json.dumps({"type": "customer", "customer_id": "cus_bench", "name": "Bench", "email": "b@example.com"}), file=out)
    print(json.dumps({"type": "product", "product_id": "pdt_bench", "name": "Bench"}), file=out)
    for i, key_id in enumerate(ids):
        print(json.dumps({"type": "license_key", "id": key_id, "key": f"BENCH-{i:09d}", "customer_id": "cus_bench", "product_id": "pdt_bench", "activations_limit": 5}), file=out)
with open(f"{directory}/ids.txt", "w") as out:
    out.write("\n".join(ids) + "\n")
