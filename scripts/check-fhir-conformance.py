#!/usr/bin/env python3
"""Start medkiosk-poolsim on a free port with a temp data dir, fetch every kind of resource and
reply it emits, and validate each against the FHIR R4 JSON schema (draft-06).

usage: check-fhir-conformance.py SIM_BINARY [SCHEMA]   (exit 1 with the failing paths listed)
       check-fhir-conformance.py --files SCHEMA FILE...  (validate fixture files, same validator)
SCHEMA defaults to the repository's copy, tests/data/fhir/schema/fhir.schema.json (HL7, CC0).
"""
import datetime
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
    failures.extend(failures_of_payments)
    for failure in failures:
        print(failure)
    print(f"{len(paths)} files, {len(failures)} schema errors")
    return 1 if failures or not paths else 0


def check_payments(check, base):
    """Every kind of payment resource and reply (issue 9, docs/pool-protocol.md "Payments")."""
    def params(*parts):
        return json.dumps({"resourceType": "Parameters", "parameter": list(parts)}).encode()

    def pay_body(amount, verification="face"):
        parts = [{"name": "method", "valueCode": "credit"},
                 {"name": "amount", "valueMoney": {"value": amount, "currency": "CNY"}}]
        if verification:
            parts.append({"name": "verification", "part": [{"name": "method", "valueCode": verification},
                                                             {"name": "score", "valueDecimal": 0.93}]})
        return params(*parts)

    def keyed(key):
        return {"Content-Type": "application/fhir+json", "Idempotency-Key": key}

    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    tomorrow = today + datetime.timedelta(days=1)
    check("bills", "GET", "/Invoice?subject=Patient/pat-1001&status=issued&_count=50", 200)
    check("read bill", "GET", "/Invoice/inv-1004-2", 200)
    check("credit line", "GET", "/Account?patient=Patient/pat-1004&type=credit-line", 200)
    check("read credit line", "GET", "/Account/acct-1001", 200)
    check("agreement", "GET", "/DocumentReference?type=credit-agreement", 200)
    # 40.00 is written by json.dumps as 40.0: readers accept 0, 1 or 2 decimals.
    check("pay", "POST", "/Invoice/inv-1004-1/$pay", 200, pay_body(40.0), keyed("p-1"))
    check("pay replay", "POST", "/Invoice/inv-1004-1/$pay", 200, pay_body(40.0), keyed("p-1"))
    check("pay already-paid", "POST", "/Invoice/inv-1004-1/$pay", 409, pay_body(40.0), keyed("p-2"))
    check("pay key reused", "POST", "/Invoice/inv-1001-3/$pay", 422, pay_body(102.25), keyed("p-1"))
    check("pay amount-changed", "POST", "/Invoice/inv-1001-3/$pay", 422, pay_body(1.0), keyed("p-3"))
    check("pay credit-limit", "POST", "/Invoice/inv-1004-2/$pay", 422, pay_body(98.5), keyed("p-4"))
    check("pay credit-suspended", "POST", "/Invoice/inv-1005-1/$pay", 422, pay_body(48.8), keyed("p-5"))
    check("pay no-credit", "POST", "/Invoice/inv-1006-1/$pay", 422, pay_body(101.0), keyed("p-6"))
    check("pay verification-required", "POST", "/Invoice/inv-1001-3/$pay", 422, pay_body(102.25, None),
          keyed("p-7"))
    check("pay 3 decimals", "POST", "/Invoice/inv-1001-3/$pay", 400,
          b'{"resourceType":"Parameters","parameter":[{"name":"method","valueCode":"credit"},'
          b'{"name":"amount","valueMoney":{"value":102.250,"currency":"CNY"}}]}', keyed("p-8"))
    check("pay 404", "POST", "/Invoice/nope/$pay", 404, pay_body(1.0), keyed("p-9"))
    check("receipts today", "GET",
          f"/DocumentReference?subject=Patient/pat-1004&type=e-receipt&date=ge{today.isoformat()}", 200)
    check("payments of the day", "GET",
          f"/PaymentReconciliation?requestor=Device/unauthenticated&created=ge{today.isoformat()}"
          f"&created=lt{tomorrow.isoformat()}", 200)
    order = check("phone order", "POST", "/Invoice/inv-1006-2/$phone-order", 201,
                  params({"name": "amount", "valueMoney": {"value": 155.0, "currency": "CNY"}}), keyed("o-1"))
    order_id = next((p.get("valueString") for p in (order or {}).get("parameter", [])
                     if p.get("name") == "order"), "missing")
    check("phone order pending", "GET", f"/Invoice/inv-1006-2/$phone-order?order={order_id}", 200)
    root = base[:-len("/fhir")]
    status, _, _ = request("POST", f"{root}/_sim/phone-orders/{order_id}/pay")
    if status != 200:
        failures_of_payments.append(f"phone pays: status {status}")
    check("phone order paid", "GET", f"/Invoice/inv-1006-2/$phone-order?order={order_id}", 200)
    check("phone order cancel", "POST", "/Invoice/inv-1006-2/$phone-order-cancel", 200,
          params({"name": "order", "valueString": order_id}), keyed("o-2"))
    consent = lambda patient: params({"name": "patient", "valueReference": {"reference": "Patient/" + patient}},
                                     {"name": "agreementVersion", "valueString": "1"},
                                     {"name": "consent", "valueBoolean": True},
                                     {"name": "verification", "part": [{"name": "method", "valueCode": "face"},
                                                                       {"name": "score", "valueDecimal": 0.9}]})
    check("open credit", "POST", "/Account/$open-credit", 201, consent("pat-1100"), keyed("c-1"))
    check("open credit refused", "POST", "/Account/$open-credit", 422, consent("pat-1006"), keyed("c-2"))


failures_of_payments = []


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
            check_payments(check, base)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    failures.extend(failures_of_payments)
    for failure in failures:
        print("FAIL", failure)
    print("conformance:", "FAILED" if failures else "OK")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
