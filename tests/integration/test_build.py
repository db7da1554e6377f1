"""build-data turns the raw public datasets into exactly the bundled files (skipped without them)."""
import filecmp

from etl.build import build
from tests.conftest import BUNDLED_DATA, RAW_DIR, requires_raw


@requires_raw()
def test_build_reproduces_the_bundled_data(tmp_path):
    out = tmp_path / "data"
    counts = build(RAW_DIR, out)
    assert counts["tier_placements"] > 4000
    names = sorted(p.name for p in BUNDLED_DATA.iterdir())
    assert sorted(p.name for p in out.iterdir()) == names
    _, mismatch, errors = filecmp.cmpfiles(BUNDLED_DATA, out, names, shallow=False)
    assert (mismatch, errors) == ([], [])
