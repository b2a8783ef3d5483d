"""The result contract as the Java enums define it (contract/src/main/resources/aebench/schema.json)."""
import json
import os

_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "contract", "src", "main", "resources", "aebench", "schema.json")

with open(_SCHEMA, encoding="utf-8") as _f:
    SCHEMA = json.load(_f)

STATUSES = SCHEMA["statuses"]                       # best first: ok, collapsed, failed
OK, COLLAPSED, FAILED = STATUSES
FINISHED = (OK, COLLAPSED)                          # a cell with numbers
METRICS = [c["name"] for c in SCHEMA["results_columns"] if c.get("role") == "metric"]
