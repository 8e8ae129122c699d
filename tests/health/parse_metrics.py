#!/usr/bin/python3
"""Parses a Prometheus text exposition file with the official Python client's parser
(Debian: python3-prometheus-client) and prints one JSON object for tests/health:
{"families": {name: type}, "samples": {"name{k=v,...}": value}} (labels sorted by name).
Exit 2 when the module is missing, 1 when the file does not parse."""
import json
import sys

try:
    from prometheus_client.parser import text_string_to_metric_families
except ImportError as e:  # pragma: no cover
    print(f"prometheus_client missing: {e}", file=sys.stderr)
    sys.exit(2)


def main() -> int:
    text = open(sys.argv[1], encoding="utf-8").read()
    families = {}
    samples = {}
    try:
        for family in text_string_to_metric_families(text):
            families[family.name] = family.type
            for s in family.samples:
                labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
                samples[f"{s.name}{{{labels}}}"] = s.value
    except Exception as e:  # the parser raises ValueError and others on bad input
        print(f"parse error: {e}", file=sys.stderr)
        return 1
    print(json.dumps({"families": families, "samples": samples}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
