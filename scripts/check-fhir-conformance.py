#!/usr/bin/env python3
"""Start medkiosk-poolsim on a free port with a temp data dir, fetch every kind of resource and
reply it emits, and validate each against the FHIR R4 JSON schema (draft-06).

usage: check-fhir-conformance.py SIM_BINARY [SCHEMA]   (exit 1 with the failing paths listed)
       check-fhir-conformance.py --files SCHEMA FILE...  (validate fixture files, same validator)
SCHEMA defaults to the repository's copy, tests/data/fhir/schema/fhir.schema.json (HL7, CC0).
"""
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

import jsonschema


DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data",
                              "fhir", "schema", "fhir.schema.json")


def request(method, url, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def check_files(schema_path, paths):
    """Validates JSON files (test fixtures) with the same validator; returns the exit code."""
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft6Validator(json.load(f))
    failures = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for error in validator.iter_errors(doc):
            failures.append(f"{path}: {'/'.join(str(p) for p in error.absolute_path)}: {error.message[:200]}")
    for failure in failures:
        print(failure)
    print(f"{len(paths)} files, {len(failures)} schema errors")
    return 1 if failures or not paths else 0


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--files":
        return check_files(sys.argv[2], sys.argv[3:])
    if len(sys.argv) not in (2, 3):
        print(__doc__)
        return 2
    binary = sys.argv[1]
    schema_path = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SCHEMA
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft6Validator(json.load(f))
    failures = []
    with tempfile.TemporaryDirectory() as data_dir:
        proc = subprocess.Popen([binary, "--port", "0", "--data-dir", data_dir, "--first-day", "2026-11-23",
                                 "--no-auth"],
                                stdout=subprocess.PIPE, text=True)
        try:
            line = proc.stdout.readline().strip()
            base = line.split("listening on ", 1)[1]
            day = "start=ge2026-11-23T00:00:00%2B08:00&start=lt2026-11-24T00:00:00%2B08:00"
            booking = lambda uuid, slot, patient: json.dumps({
                "resourceType": "Appointment", "status": "booked",
                "identifier": [{"system": "urn:medkiosk:booking", "value": uuid}],
                "slot": [{"reference": "Slot/" + slot}],
                "participant": [{"actor": {"reference": "Patient/" + patient}, "status": "accepted"}]}).encode()

            def check(name, method, path, expect, body=None, headers=None):
                status, hdrs, data = request(method, base + path, body, headers)
                if status != expect:
                    failures.append(f"{name}: {method} {path}: status {status}, expected {expect}")
                    return None
                if not hdrs.get("Content-Type", "").startswith("application/fhir+json"):
                    failures.append(f"{name}: wrong content type {hdrs.get('Content-Type')}")
                try:
                    doc = json.loads(data)
                except ValueError as err:
                    failures.append(f"{name}: not JSON: {err}")
                    return None
                for error in validator.iter_errors(doc):
                    failures.append(f"{name}: {'/'.join(str(p) for p in error.absolute_path)}: {error.message[:200]}")
                return doc

            check("departments", "GET", "/HealthcareService?active=true", 200)
            check("schedules", "GET", "/Schedule?actor=HealthcareService/dept-ped&_include=Schedule:actor:Practitioner", 200)
            slots = check("slots", "GET", f"/Slot?schedule=sch-ped-01,sch-ped-02&{day}&status=free&_count=5", 200)
            check("patient by number", "GET", "/Patient?identifier=urn:medkiosk:patient-number%7CP00001001&birthdate=1985-03-12", 200)
            check("patient by phone", "GET", "/Patient?phone=13700137000&birthdate=1980-01-25", 200)
            check("children", "GET", "/Patient?guardian=Patient/pat-1001", 200)
            check("read patient", "GET", "/Patient/pat-1002", 200)
            check("read practitioner", "GET", "/Practitioner/pr-ped-01", 200)
            free = [e["resource"]["id"] for e in (slots or {}).get("entry", [])]
            if len(free) < 4:
                failures.append("slots: fewer than 4 free slots")
                free = ["missing"] * 4
            check("read slot", "GET", f"/Slot/{free[0]}", 200)
            hdr = lambda uuid: {"Content-Type": "application/fhir+json", "If-None-Exist": "identifier=urn:medkiosk:booking|" + uuid}
            created = check("book 201", "POST", "/Appointment", 201, booking("u-1", free[0], "pat-1001"), hdr("u-1"))
            check("book 200", "POST", "/Appointment", 200, booking("u-1", free[0], "pat-1001"), hdr("u-1"))
            check("book 409", "POST", "/Appointment", 409, booking("u-2", free[0], "pat-1004"), hdr("u-2"))
            check("book second", "POST", "/Appointment", 201, booking("u-3", free[1], "pat-1001"), hdr("u-3"))
            check("book 422", "POST", "/Appointment", 422, booking("u-4", free[2], "pat-1001"), hdr("u-4"))
            check("book 400", "POST", "/Appointment", 400, b"{not json", {"Content-Type": "application/fhir+json"})
            check("read 404", "GET", "/Appointment/nope", 404)
            check("appointments", "GET", "/Appointment?patient=Patient/pat-1001&date=ge2026-11-23T00:00:00%2B08:00&date=lt2026-11-24T00:00:00%2B08:00", 200)
            if created:
                appt = created["id"]
                check("read appointment", "GET", f"/Appointment/{appt}", 200)
                check("check-in 412", "POST", f"/Appointment/{appt}/$check-in", 412, b"", {"If-Match": 'W/"9"'})
                check("check-in", "POST", f"/Appointment/{appt}/$check-in", 200, b"", {"If-Match": 'W/"1"'})
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    for failure in failures:
        print("FAIL", failure)
    print("conformance:", "FAILED" if failures else "OK")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
