"""nbgrader's settings for the course's homework; this folder is the nbgrader course directory.

Run nbgrader from here (cd homework). Teachers: see "Homework" in lecture/README.md.
"""

c = get_config()  # noqa: F821 - nbgrader provides it

c.CourseDirectory.course_id = "rnn-to-lstm"
# Each notebook runs in a fresh kernel; a cell that has not finished after 30 s (a loop that
# never ends) is interrupted and scores 0, and grading goes on with the next cell. The
# homework trains nothing, so every cell of a correct answer takes well under a second.
c.Execute.timeout = 30
# Students may not delete or reorder the graded cells; nbgrader restores the test cells
# (with the hidden tests) from source/ before it runs a submission.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
