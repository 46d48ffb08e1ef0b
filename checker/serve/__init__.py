"""`lawcheck serve`: a page where a drafter uploads a draft and reads the HTML report.

`app` holds the routes, `upload` reads one bounded upload into memory, `pool` runs the checks in
worker processes, `pages` and `templates/` build the pages, `security` adds the headers and
`i18n` has the page's words in kk, ru and en.
"""
