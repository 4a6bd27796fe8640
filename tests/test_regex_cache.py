"""addons/patches/regex_cache.py: a long pattern read back from the cache is the pattern `re` compiles."""
import re
import sre_compile
import subprocess
import sys

from addons.patches.regex_cache import LONG, long_patterns_cached
from devtools.stack import ROOT

# Long enough to go through the cache, quick to compile: alternatives of plain words.
PATTERN = "(?iu)^(?:" + "|".join(f"mot{n}[-‐]?[a-zé]+" for n in range(8000)) + ")$"


def compile_fresh(pattern, flags=0):
    re.purge()  # re keeps its own cache of compiled patterns in the process
    return re.compile(pattern, flags)


def test_written_once_then_read_back_equal(tmp_path):
    assert len(PATTERN) >= LONG
    expected = sre_compile.compile(PATTERN, 0)
    with long_patterns_cached(tmp_path):
        first = compile_fresh(PATTERN)
    assert len(list(tmp_path.iterdir())) == 1
    with long_patterns_cached(tmp_path):
        again = compile_fresh(PATTERN)
    assert first == again == expected  # equal patterns: same flags and same compiled code
    assert again.match("MOT7999-été") and not again.match("mot8000-été")


def test_flags_and_short_patterns(tmp_path):
    with long_patterns_cached(tmp_path):
        compile_fresh(PATTERN, re.MULTILINE)
        compile_fresh(PATTERN)
        compile_fresh("(?i)court[-‐][a-z]+")
    assert len(list(tmp_path.iterdir())) == 2  # one file per flags; the short pattern is not kept
    assert compile_fresh(PATTERN, re.MULTILINE) == sre_compile.compile(PATTERN, re.MULTILINE)


def test_an_unreadable_file_is_compiled_again_and_rewritten(tmp_path):
    with long_patterns_cached(tmp_path):
        compile_fresh(PATTERN)
    (cached,) = tmp_path.iterdir()
    good = cached.read_bytes()
    for damaged in (b"", good[:1000], good.replace(b'"flags"', b'"flogs"'), good[:-4] + b"\xff\xff\xff\x7f"):
        cached.write_bytes(damaged)
        with long_patterns_cached(tmp_path):
            assert compile_fresh(PATTERN) == sre_compile.compile(PATTERN, 0)
        assert cached.read_bytes() == good


def test_only_inside_the_block(tmp_path):
    with long_patterns_cached(tmp_path):
        pass
    compile_fresh(PATTERN)
    assert list(tmp_path.iterdir()) == []


def test_spacys_french_tokenizer_pattern_from_the_cache_is_the_compiled_one(tmp_path):
    """The pattern the cache exists for: read back in a new process, equal to Python's compilation."""
    code = f"""
import sre_compile
from pathlib import Path
from addons.patches.regex_cache import long_patterns_cached
with long_patterns_cached(Path({str(tmp_path)!r})):
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH
pattern = TOKEN_MATCH.__self__
print(pattern == sre_compile.compile(pattern.pattern, 0), len(pattern.pattern))
"""
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
            for _ in range(2)]  # the first writes the file, the second reads it
    for run in runs:
        equal, length = run.stdout.split()
        assert equal == "True" and int(length) > 1_000_000
    assert len(list(tmp_path.iterdir())) == 1

