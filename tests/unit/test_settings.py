"""Every setting is documented in the README with its default."""
from etl.settings import REPO_ROOT, SETTINGS


def test_every_setting_is_in_the_readme():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name in SETTINGS:
        assert f"| `{name}` |" in readme, name
