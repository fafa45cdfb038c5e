"""The demo stories in `werkpad/demo/data/*.yaml`: every file parses, every reference between
files resolves, and a mistake gives an error that names the file and the key."""

import shutil

import pytest
import yaml

from werkpad.demo.stories import DATA_DIR, FILES, DemoDataError, read_stories


def test_every_file_parses():
    assert sorted(p.name for p in DATA_DIR.glob("*.yaml")) == sorted(FILES)
    for name in FILES:
        with open(DATA_DIR / name, encoding="utf-8") as fh:
            assert isinstance(yaml.safe_load(fh), dict), name


def test_every_reference_resolves():
    stories = read_stories()
    logins = {login["key"] for login in stories.logins}
    for login in stories.logins:
        assert login["organisation"] is None or login["organisation"] in stories.organisations
    for candidate in stories.candidates:
        assert candidate["coach"] in logins
    for placement in stories.placements["placements"]:
        employer = stories.employers[placement["employer"]]
        assert placement["job"] in employer["jobs"]
        assert placement["leidinggevende"] in employer["contacts"]


def broken(tmp_path, name: str, old: str, new: str):
    """A copy of the demo files with one change in one file."""
    for path in DATA_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    path = tmp_path / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        # a login's organisation that does not exist
        (
            "people.yaml",
            "organisation: reintegratie",
            "organisation: reintegratei",
            "people.yaml: logins[0].organisation: 'reintegratei' is not an organisation",
        ),
        # a misspelt key
        (
            "people.yaml",
            "first_name: Marieke",
            "frist_name: Marieke",
            "people.yaml: logins[0].frist_name: unknown key",
        ),
        # a traject's coach that is not a login
        (
            "trajects.yaml",
            "coach: coach\n",
            "coach: coahc\n",
            "trajects.yaml: candidates[0].coach: 'coahc' is not a login in people.yaml",
        ),
        # a phase that does not exist
        (
            "trajects.yaml",
            "phase: b}",
            "phase: x}",
            "trajects.yaml: candidates[0].moves[0].phase: 'x' is not a phase",
        ),
        # a placement at a job the employer does not have
        (
            "placements.yaml",
            "job: kwekerij",
            "job: kwekrij",
            "placements.yaml: placements[0].job: 'kwekrij' is not a job of tuincentrum",
        ),
        # a job at a location the employer does not have
        (
            "employers.yaml",
            "location: kwekerij",
            "location: kas",
            "employers.yaml: employers.tuincentrum.jobs.kwekerij.location: 'kas' is not a "
            "location of tuincentrum",
        ),
        # a missing key
        (
            "monitoring.yaml",
            "    next_checkin_in_days: 7\n",
            "",
            "monitoring.yaml: placements.sanne.next_checkin_in_days: missing",
        ),
        # not YAML at all
        (
            "organisations.yaml",
            "organisations:",
            "organisations: [",
            "organisations.yaml: not valid YAML",
        ),
    ],
)
def test_a_mistake_names_the_file_and_the_key(tmp_path, name, old, new, expected):
    with pytest.raises(DemoDataError) as error:
        read_stories(broken(tmp_path, name, old, new))
    assert str(error.value).startswith(expected), str(error.value)


def test_a_missing_file_is_named(tmp_path):
    data = broken(tmp_path, "people.yaml", "domain:", "domain:")
    (data / "instruments.yaml").unlink()
    with pytest.raises(DemoDataError, match=r"^instruments\.yaml: the file is missing"):
        read_stories(data)
