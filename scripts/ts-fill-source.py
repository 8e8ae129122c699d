#!/usr/bin/env python3
"""Marks every unfinished entry of a .ts file finished, with the source text as translation (for
"%n thing(s)" plurals: the singular and plural English forms).

Used for the English file only: English is the source language of every tr() string.
"""
import re
import sys
import xml.etree.ElementTree as ET


def english_forms(source: str) -> list:
    """Singular and plural of a "%n thing(s)" source: "1 minute", "2 minutes"; a verb right after
    "(s)" follows the noun ("1 bill was paid", "2 bills were paid")."""
    singular = re.sub(r"\(s\) were\b", " was", source)
    singular = re.sub(r"\(s\) are\b", " is", singular)
    singular = re.sub(r"\(s\) have\b", " has", singular)
    singular = singular.replace("(s)", "")
    plural = source.replace("(s)", "s")
    return [singular, plural]


def main(path: str) -> int:
    tree = ET.parse(path)
    changed = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            # New, or still the source text copied by an older version of this script.
            if translation.get("type") == "unfinished" or all(f.text == source.text for f in forms):
                for form in forms:
                    translation.remove(form)
                for text in english_forms(source.text):
                    ET.SubElement(translation, "numerusform").text = text
                translation.attrib.pop("type", None)
                changed += 1
            continue
        if translation.get("type") == "unfinished":
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
