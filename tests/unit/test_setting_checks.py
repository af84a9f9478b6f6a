"""The one check of user-given settings: known names, values of the default's type, enumerated values."""

import pytest

from crawler.setting_checks import check_setting


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DOWNLOAD_DELAY", "2.5"),
        ("DOWNLOAD_DELAY", 2),
        ("ROBOTSTXT_OBEY", "false"),
        ("ROBOTSTXT_OBEY", True),
        ("CONCURRENT_REQUESTS", "4"),
        ("PIPELINE_WORKERS", "0"),
        ("USER_AGENT", "me"),
        ("EXTRACT_FAVOR", "precision"),
        ("EXTRACT_FAVOR", ""),
        ("LOG_LEVEL", "DEBUG"),
        ("DEDUP_JACCARD", "0.6"),
        ("HTTPCACHE_DIR", "cache"),
    ],
)
def test_known_settings_of_the_right_type_pass(name, value):
    check_setting(name, value)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DOWNLOAD_DELAY", "fast", "setting DOWNLOAD_DELAY='fast' is not a number"),
        ("CONCURRENT_REQUESTS", 2.5j, "setting CONCURRENT_REQUESTS=2.5j is not a whole number"),
        ("ROBOTSTXT_OBEY", "maybe", "setting ROBOTSTXT_OBEY='maybe' is not true or false"),
        ("PIPELINE_WORKERS", "-1", "setting PIPELINE_WORKERS='-1' is not a whole number of 0 or more"),
        ("NOSUCHSETTING", "1", "unknown setting NOSUCHSETTING"),
        ("DOWNLOAD_DELAI", "2", "unknown setting DOWNLOAD_DELAI (did you mean DOWNLOAD_DELAY?)"),
        ("EXTRACT_FAVOR", "speed", "setting EXTRACT_FAVOR='speed' is not one of '', 'precision', 'recall'"),
        ("EXTRACT_FAVOR", "recal", "(did you mean recall?)"),
        ("LOG_LEVEL", "info", "(did you mean INFO?)"),
    ],
)
def test_bad_settings_are_refused_in_one_line(name, value, message):
    with pytest.raises(ValueError) as refused:
        check_setting(name, value)
    assert message in str(refused.value) and "\n" not in str(refused.value)
