#!/usr/bin/env python3
"""Marks every unfinished entry of a .ts file finished, with the source text as translation.

Used for the English file only: English is the source language of every tr() string.
"""
import sys
import xml.etree.ElementTree as ET


def main(path: str) -> int:
    tree = ET.parse(path)
    changed = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        if translation.get("type") == "unfinished":
            if message.get("numerus") == "yes":
                for form in translation.findall("numerusform"):
                    form.text = source.text
                if not translation.findall("numerusform"):
                    for _ in range(2):
                        ET.SubElement(translation, "numerusform").text = source.text
            else:
                translation.text = source.text
            del translation.attrib["type"]
            changed += 1
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    print(f"{path}: {changed} entries filled from the source text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
