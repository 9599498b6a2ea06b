"""Docutils: render a long generated reStructuredText document to HTML.

Uses Debian's python3-docutils as a user would (``publish_string`` with the
html writer).  The document is built deterministically from a template:
sections, paragraphs with inline markup, lists, tables, literal blocks,
footnotes and cross references.  Checksum: a digest of the HTML.
"""

import harness

DEFAULT_SIZE = 100
QUICK_SIZE = 12

SECTION = """
Chapter {n}: The {word} subsystem
=================================={underline}

The *{word}* subsystem handles **{count} requests** per second; see
`Chapter {prev}`_ and the footnote [#f{n}]_.  Inline ``code_{n}()`` and a
link to `the docs <https://example.invalid/{word}/{n}>`_ are common.

.. [#f{n}] Measured on a quiet machine, run {n}.

Overview
--------

- first point about {word}, with *emphasis*
- second point, which wraps onto
  a continuation line
- third point

  1. nested enumerated item
  2. another one with ``literal`` text

.. note:: Remember to configure {word} before use.

Configuration table
-------------------

=========  ========  ======================
Option     Default   Meaning
=========  ========  ======================
size       {count}   Buffer size for {word}
retries    {n}       How often to retry
verbose    no        Print more output
=========  ========  ======================

Example
-------

::

    def handle_{n}(request):
        return process(request, size={count})

Definition list:

{word}
    A component of the system.
term {n}
    Defined in chapter {n}.
"""

WORDS = ["network", "storage", "scheduler", "parser", "renderer", "cache",
         "logger", "compiler"]


def make_document(chapters):
    parts = ["=====================\nThe Generated Manual\n=====================\n",
             ".. contents:: Table of contents\n   :depth: 1\n"]
    for n in range(1, chapters + 1):
        word = WORDS[n % len(WORDS)]
        title_extra = len(str(n)) + len(word)
        parts.append(SECTION.format(n=n, word=word, count=n * 37 % 1000,
                                    prev=max(1, n - 1),
                                    underline="=" * title_extra))
    return "\n".join(parts)


def run(size):
    from docutils.core import publish_string
    source = make_document(size)
    html = publish_string(source, writer_name="html", settings_overrides={
        "output_encoding": "unicode", "embed_stylesheet": False,
        "_disable_config": True, "report_level": 5, "halt_level": 5,
        "stylesheet_path": "", "datestamp": False, "generator": False})
    return "%d %s" % (len(html), harness.digest(html))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
