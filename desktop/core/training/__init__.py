"""练习: drills that train new hires on the shop's own library.

``drill`` draws rounds of buyer questions from the phrases' example questions
(买家常问) and grades the phrase a trainee picks; ``typing_drill`` measures
Chinese typing speed on a phrase body; ``results`` keeps both kinds of result
per trainee name in the library file and turns them into a summary and a CSV.
Built on the store's public API and plain SQL on the ``drill_results`` table
it owns; nothing here involves a real buyer.
"""
