from blocs.ingest.htmltext import declared_charset, html_text


def test_scripts_styles_and_the_head_are_not_text():
    page = html_text("<html><head><title>T</title><style>b{}</style></head><body>"
                     "<noscript>enable js</noscript><p>Shown</p><script>x()</script></body>")
    assert page.text == "Shown" and page.title == "T"


def test_a_line_break_stays_inside_its_paragraph_and_pre_keeps_its_lines():
    page = html_text("<p>one<br>two</p><pre>  a\n    b</pre><ul><li>x</li><li>y</li></ul>")
    assert page.text == "one\ntwo\n\n  a\n    b\n\nx\n\ny"


def test_entities_are_decoded_and_whitespace_collapsed():
    assert html_text("<p>CSTO &amp;\n   SCO&nbsp;&#8212; both</p>").text == "CSTO & SCO — both"


def test_a_published_date_in_the_metadata_is_taken():
    page = html_text('<head><meta property="article:published_time" '
                     'content="2012-06-07T08:00:00+00:00"></head><p>x</p>')
    assert page.date == "2012-06-07"


def test_a_page_without_title_or_date_says_so():
    page = html_text("<p>Just text.</p>")
    assert (page.title, page.date) == (None, None)


def test_the_declared_charset_is_read_from_a_meta_tag():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; '
                            b'charset=windows-1251">') == "windows-1251"
    assert declared_charset(b"<meta charset='utf-8'>") == "utf-8"
    assert declared_charset(b"<p>none</p>") is None
