"""SCORM 1.2: `imsmanifest.xml` for a unit, valid against the SCORM 1.2 schemas (IMS Content
Packaging 1.1.2, ADL CP 1.2, IMS Metadata 1.2.1; tests/fixtures/scorm12/). The package is one
SCO, the launch page (`frame.py`) that holds the LMS session and frames the site: one
organisation with one item, one resource listing every file of the package."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from . import frame
from .unit import Unit

MANIFEST = "imsmanifest.xml"
RUNTIME = "assets/asah/lms-scorm12.js"  # the launch page's script (lms/, theme bundles)
RUNTIME_PARTS = (*frame.RUNTIME_PARTS, "lms/scorm12-data.js", "lms/scorm12.js")

NAMESPACES = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
    '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
    '  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"\n'
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
    '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd'
    " http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd"
    ' http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
)


def manifest(unit: Unit, launch: str, files: Iterable[str]) -> str:
    """The manifest; `files` are the package's files (relative, `/`-separated), the manifest
    itself not among them."""
    lang = quoteattr(unit.language)
    title = escape(unit.title)
    listed = "\n".join(f"      <file href={quoteattr(_href(f))}/>" for f in sorted(files))
    description = (
        f"\n        <imsmd:description><imsmd:langstring xml:lang={lang}>"
        f"{escape(unit.description)}</imsmd:langstring></imsmd:description>"
        if unit.description
        else ""
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(unit.identifier)} version="1"
  {NAMESPACES}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang={lang}>{title}</imsmd:langstring></imsmd:title>
        <imsmd:language>{escape(unit.language)}</imsmd:language>{description}
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>{title}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href={quoteattr(launch)}>
{listed}
    </resource>
  </resources>
</manifest>
"""


def _href(path: str) -> str:
    """A file's path as a URI reference (spaces and other characters percent-encoded)."""
    return quote(path, safe="/-._~")
