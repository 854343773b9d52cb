"""练习: drills that train new hires on the shop's own library.

``drill`` draws rounds of buyer questions from the phrases' example questions
(买家常问) and grades the phrase a trainee picks; ``typing_drill`` measures
Chinese typing speed on a phrase body; ``results`` keeps both kinds of result
per trainee name in the library file and turns them into a summary and a CSV.
Built on the store's public API (the ``drill_results`` rows through
``store.drill_rows``); it sits beside ``exchange`` in the layers contract in
pyproject.toml.  Nothing here involves a real buyer.
"""
