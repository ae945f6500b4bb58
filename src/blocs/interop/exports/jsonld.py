"""Memberships as JSON-LD in Wikidata's statement model, for the linked-data world.

Each state has a direct `wdt:P463` (member of) link to each organization, and a full
statement per spell (`p:P463` -> `ps:P463` the organization, qualifiers `pq:P580` start
time and `pq:P582` end time, `prov:wasDerivedFrom` a reference whose `pr:P248` (stated
in) is the source). Dates keep their precision as the XML Schema type (`xsd:gYear`
"2004", `xsd:gYearMonth`, `xsd:date`). Ids are this project's (`urn:blocs:state:RUS`),
not Wikidata items. The @context is written inline: reading the file needs no network.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from ...store import Store, schema
from .tidy import spell_records
from . import Scope

BASE = "urn:blocs:"
CONTEXT = {
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "pr": "http://www.wikidata.org/prop/reference/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "blocs": BASE,
    "name": "schema:name",
    "url": {"@id": "schema:url", "@type": "@id"},
    "publisher": "schema:publisher",
    "date_published": "schema:datePublished",
    "member_of": {"@id": "wdt:P463", "@type": "@id"},
    "membership": {"@id": "p:P463"},
    "organization": {"@id": "ps:P463", "@type": "@id"},
    "start_time": {"@id": "pq:P580"},
    "end_time": {"@id": "pq:P582"},
    "derived_from": {"@id": "prov:wasDerivedFrom"},
    "stated_in": {"@id": "pr:P248", "@type": "@id"},
    "role": "blocs:role",
    "frozen": "blocs:frozen",
    "voice": "blocs:voice",
    "end_kind": "blocs:endKind",
}
_XSD = {"day": "xsd:date", "month": "xsd:gYearMonth", "year": "xsd:gYear", "decade": "xsd:gYear"}


def _when(value: str | None, precision: str | None) -> dict | None:
    if not value:
        return None
    return {"@value": value, "@type": _XSD.get(precision or "day", "xsd:date")}


def document(store: Store, scope: Scope) -> dict:
    """The JSON-LD document (a dict) the file holds."""
    records = spell_records(store, scope)
    states: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    used_sources: set[str] = set()
    for n, r in enumerate(records, 1):
        sid = f"blocs:state:{r['state']}"
        oid = f"blocs:org:{r['org']}"
        node = states.setdefault(sid, {"@id": sid, "@type": "blocs:State",
                                       "name": r["state_name"], "member_of": [],
                                       "membership": []})
        orgs.setdefault(oid, {"@id": oid, "@type": "blocs:Organization",
                              "name": r["org_name"]})
        if oid not in node["member_of"]:
            node["member_of"].append(oid)
        st = {"@id": f"blocs:spell:{n}", "organization": oid, "role": r["role"],
              "voice": r["voice"]}
        if r["frozen"]:
            st["frozen"] = True
        if (start := _when(r["start"], r["start_precision"])):
            st["start_time"] = start
        if (end := _when(r["end"], r["end_precision"])):
            st["end_time"] = end
            st["end_kind"] = r["end_kind"]
        st["derived_from"] = [{"@id": f"blocs:ref:{n}:{k}", "stated_in": f"blocs:source:{s}"}
                              for k, s in enumerate(r["sources"], 1)]
        used_sources.update(r["sources"])
        node["membership"].append(st)
    src = schema.sources.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(src.id, src.title, src.publisher, src.url, src.date)
                            .where(src.id.in_(sorted(used_sources)))).all() if used_sources else []
    sources = []
    for r in rows:
        node = {"@id": f"blocs:source:{r.id}", "@type": "blocs:Source", "name": r.title}
        if r.publisher:
            node["publisher"] = r.publisher
        if r.url:
            node["url"] = r.url
        if r.date:
            node["date_published"] = r.date
        sources.append(node)
    return {"@context": CONTEXT, "@graph": [*states.values(), *orgs.values(), *sources]}


def write(store: Store, scope: Scope, tmp: Path, target: Path) -> int:
    doc = document(store, scope)
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return sum(len(n.get("membership", [])) for n in doc["@graph"])
