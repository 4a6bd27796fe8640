"""Settings for the whole test suite."""


def pytest_configure(config):
    # pytest-randomly shuffles the tests (its seed is in the header; `--randomly-seed=N` replays an
    # order). Its reseeding before each test hands seeds above 2**32 to thinc's entry point (spaCy),
    # which numpy refuses: every test would error (pytest-dev/pytest-randomly#736). Nothing here
    # draws random numbers, so the order is shuffled and the per-test reseeding is left off.
    if config.pluginmanager.hasplugin("randomly"):
        config.option.randomly_reset_seed = False
