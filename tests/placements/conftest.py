"""The placement tests start one step earlier than the others: `scene` is a made match at an
employer, not yet a placement (see `tests.scenes.make_scene`)."""

import pytest

from tests.scenes import make_scene


@pytest.fixture
def scene(coach):
    return make_scene(coach)
